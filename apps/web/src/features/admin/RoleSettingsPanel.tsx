/** Per-role settings: whether a role requires two-step verification (TOTP) at sign-in. */
import { Badge, Switch, Table } from '@mantine/core';
import { ROLE_LABELS, type Role } from '@qadiya/domain/organisation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { pick } from '../../i18n/i18n';
import { adminKeys, useRoleSettings, type RoleSetting } from './api';
import { ADMIN } from './messages';
import { AdminError } from './shared';

export function RoleSettingsPanel() {
  const { t } = useTranslation(ADMIN);
  const language = useLanguage();
  const queryClient = useQueryClient();
  const settings = useRoleSettings();
  const update = useMutation({
    mutationFn: ({ role, requiresMfa }: { role: Role; requiresMfa: boolean }) =>
      api.put<RoleSetting[]>(`/admin/role-settings/${role}`, { requiresMfa }),
    onSuccess: (result) => {
      queryClient.setQueryData(adminKeys.roleSettings, result);
    },
  });

  return (
    <QueryState query={settings}>
      {(data) => (
        <>
          <AdminError error={update.error} />
          <DataTable
            minWidth={500}
            striped
            data-testid="role-settings-table"
            caption={t('roles.settingsCaption')}
            columns={[t('roles.role'), t('roles.requiresMfa')]}
            items={data}
          >
            {(setting) => {
              const label = pick(ROLE_LABELS[setting.role], language);
              return (
                <Table.Tr key={setting.role}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td>
                    {setting.isMfaForcedByConfig ? (
                      <Badge variant="light" tt="none">
                        {t('roles.forced')}
                      </Badge>
                    ) : (
                      <Switch
                        checked={setting.requiresMfa}
                        disabled={update.isPending}
                        onChange={(event) =>
                          update.mutate({
                            role: setting.role,
                            requiresMfa: event.currentTarget.checked,
                          })
                        }
                        aria-label={t('roles.requiresMfaFor', { role: label })}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            }}
          </DataTable>
        </>
      )}
    </QueryState>
  );
}
