/** Shapes of `GET /api/v1/hearings` (see the server's hearings.schemas.ts). */
import type { ConfidentialityLevel } from '@qadiya/domain/organisation';
import type { Labels } from '../../api/types';

export type HearingStatus = 'scheduled' | 'held' | 'adjourned' | 'cancelled';

export interface CalendarParty {
  role: string;
  roleLabels: Labels;
  name: string;
  nameLatin: string | null;
  isMasked: boolean;
}

export interface CalendarJudge {
  id: string;
  nameAr: string;
  nameEn: string;
}

export interface CalendarHearing {
  id: string;
  room: string;
  startsAt: string;
  endsAt: string;
  localDate: string;
  status: HearingStatus;
  adjournReason: string | null;
  case: {
    id: string;
    number: string | null;
    reference: string | null;
    caseType: string;
    caseTypeLabels: Labels;
    confidentiality: ConfidentialityLevel;
    canOpen: boolean;
  };
  judges: CalendarJudge[];
  parties: CalendarParty[];
}

export interface CourtCalendar {
  court: { id: string; code: string; nameAr: string; nameEn: string; weekendDays: number[] };
  from: string;
  to: string;
  timeZone: string;
  scope: 'court' | 'files';
  rooms: string[];
  items: CalendarHearing[];
}

export interface Court {
  id: string;
  code: string;
  kind: string;
  courtLevel: string | null;
  regionId: string | null;
  nameAr: string;
  nameEn: string;
}

export type CalendarView = 'day' | 'week';
