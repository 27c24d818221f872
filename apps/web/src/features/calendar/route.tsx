/**
 * The court calendar (`/calendar`) and the day's printable cause list (`/calendar/cause-list`).
 * Mounted at `calendar/*`; the two screens are nested routes.
 */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { CalendarPage } from './CalendarPage';
import { CauseListPage } from './CauseListPage';

export function Component() {
  return (
    <Routes>
      <Route index element={<CalendarPage />} />
      <Route path="cause-list" element={<CauseListPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
