/** What a list shows when it has nothing in it: an icon, a title and a sentence. */
import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import type { ComponentType } from 'react';

export function EmptyState({
  icon: Icon,
  title,
  body,
  testId,
}: {
  icon: ComponentType;
  title: string;
  body: string;
  testId?: string;
}) {
  return (
    <Paper withBorder p="xl" data-testid={testId}>
      <Group wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size="xl" radius="xl" aria-hidden>
          <Icon />
        </ThemeIcon>
        <div>
          <Text fw={700}>{title}</Text>
          <Text c="gray.7">{body}</Text>
        </div>
      </Group>
    </Paper>
  );
}
