/**
 * A form generated from a payload schema's fields (schema-fields.ts). Texts, numbers, dates and
 * date-times, enums and lists of rows are drawn here; fields that name something (`ref`,
 * `refList`) are drawn by the caller's `renderRef`, which knows where to find the choices.
 * Every input is labelled; problems show under their input and are announced.
 */
import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Checkbox,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  asList,
  asRows,
  asText,
  emptyValues,
  type FieldSpec,
  type FieldValue,
  type FormValues,
} from './schema-fields';
import type { Problem, Problems } from './validate';

export interface RefFieldProps {
  field: FieldSpec;
  /** The field's path: `partyId`, `judgments.0.chargeId`. */
  path: string;
  label: string;
  required: boolean;
  error: string | undefined;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  testId: string;
}

export interface SchemaFormText {
  label: (field: FieldSpec) => string;
  option: (field: FieldSpec, value: string) => string;
  optional: string;
  choose: string;
  addRow: string;
  removeRow: (index: number) => string;
  row: (index: number) => string;
}

export interface SchemaFormProps {
  fields: readonly FieldSpec[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  problems: Problems;
  text: SchemaFormText;
  renderRef: (props: RefFieldProps) => ReactNode;
  /** Prefix of the inputs' `data-testid`: `field-<path>`. */
  testIdPrefix?: string;
}

export function useProblemText(): (problem: Problem | undefined) => string | undefined {
  const { t } = useTranslation('common');
  return (problem) => {
    if (!problem) return undefined;
    if (problem.key === null) return problem.text;
    return t(problem.key, problem.params ?? {});
  };
}

export function SchemaForm(props: SchemaFormProps) {
  return (
    <Stack gap="sm">
      <FieldList {...props} prefix="" />
    </Stack>
  );
}

function FieldList(props: SchemaFormProps & { prefix: string }) {
  const { fields, values, onChange, prefix } = props;
  return (
    <>
      {fields.map((field) => (
        <SchemaField
          key={field.name}
          {...props}
          field={field}
          path={prefix + field.name}
          value={values[field.name]}
          onValue={(value) => onChange({ ...values, [field.name]: value })}
        />
      ))}
    </>
  );
}

function SchemaField({
  field,
  path,
  value,
  onValue,
  problems,
  text,
  renderRef,
  testIdPrefix = 'field-',
  ...rest
}: SchemaFormProps & {
  prefix: string;
  field: FieldSpec;
  path: string;
  value: FieldValue | undefined;
  onValue: (value: FieldValue) => void;
}) {
  const problemText = useProblemText();
  const error = problemText(problems[path]);
  const label = text.label(field) + (field.required ? '' : ` ${text.optional}`);
  const testId = `${testIdPrefix}${path}`;
  const common = {
    label,
    required: field.required,
    error,
    'data-testid': testId,
    name: path,
  };

  switch (field.kind) {
    case 'ref':
    case 'refList':
      return renderRef({
        field,
        path,
        label,
        required: field.required,
        error,
        value: value ?? (field.kind === 'refList' ? [] : ''),
        onChange: onValue,
        testId,
      });
    case 'enum':
      return (
        <NativeSelect
          {...common}
          value={asText(value)}
          onChange={(event) => onValue(event.currentTarget.value)}
          data={[
            { value: '', label: text.choose },
            ...(field.options ?? []).map((option) => ({
              value: option,
              label: text.option(field, option),
            })),
          ]}
        />
      );
    case 'enumList':
      return (
        <Checkbox.Group
          label={label}
          required={field.required}
          error={error}
          value={asList(value)}
          onChange={onValue}
          data-testid={testId}
        >
          <Stack gap={4} mt={4}>
            {(field.options ?? []).map((option) => (
              <Checkbox key={option} value={option} label={text.option(field, option)} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'textarea':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={8}
          value={asText(value)}
          onChange={(event) => onValue(event.currentTarget.value)}
        />
      );
    case 'integer':
    case 'number':
      return (
        <TextInput
          {...common}
          inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
          dir="ltr"
          ta="start"
          w={{ base: '100%', xs: 240 }}
          value={asText(value)}
          onChange={(event) => onValue(event.currentTarget.value)}
        />
      );
    case 'date':
    case 'datetime':
      return (
        <TextInput
          {...common}
          type={field.kind === 'date' ? 'date' : 'datetime-local'}
          w={{ base: '100%', xs: 260 }}
          value={asText(value)}
          onChange={(event) => onValue(event.currentTarget.value)}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          label={label}
          checked={asText(value) === 'true'}
          onChange={(event) => onValue(event.currentTarget.checked ? 'true' : '')}
          error={error}
          data-testid={testId}
        />
      );
    case 'objectList': {
      const rows = asRows(value);
      const itemFields = field.itemFields ?? [];
      return (
        <Fieldset legend={label} data-testid={testId}>
          <Stack gap="sm">
            {error ? (
              <Text size="sm" c="red.8" role="alert">
                {error}
              </Text>
            ) : null}
            {rows.map((row, index) => (
              <Fieldset
                key={index}
                legend={text.row(index + 1)}
                variant="filled"
                data-testid={`${testId}.${String(index)}`}
              >
                <Stack gap="xs">
                  <FieldList
                    {...rest}
                    fields={itemFields}
                    values={row}
                    problems={problems}
                    text={text}
                    renderRef={renderRef}
                    testIdPrefix={testIdPrefix}
                    prefix={`${path}.${String(index)}.`}
                    onChange={(next) => onValue(rows.map((r, i) => (i === index ? next : r)))}
                  />
                  <Group justify="flex-end">
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() => onValue(rows.filter((_, i) => i !== index))}
                    >
                      {text.removeRow(index + 1)}
                    </Button>
                  </Group>
                </Stack>
              </Fieldset>
            ))}
            {field.maxItems === undefined || rows.length < field.maxItems ? (
              <Button
                variant="light"
                size="compact-sm"
                w="fit-content"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => onValue([...rows, emptyValues(itemFields)])}
              >
                {text.addRow}
              </Button>
            ) : null}
          </Stack>
        </Fieldset>
      );
    }
    default:
      return (
        <TextInput
          {...common}
          value={asText(value)}
          onChange={(event) => onValue(event.currentTarget.value)}
          {...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {})}
        />
      );
  }
}
