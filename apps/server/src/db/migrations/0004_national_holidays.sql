-- National public holidays of the State of Palestine for 2026 and 2027 (institution_id NULL), for
-- working-day deadlines. Institutions add their own days off through the admin API.
--
-- Fixed dates: New Year (1 January), Orthodox Christmas (7 January), Labour Day (1 May),
-- Independence Day (15 November) and Christmas (25 December).
--
-- Islamic holidays follow the Umm al-Qura calendar as computed in advance. The actual days depend
-- on the sighting of the moon and on the Council of Ministers' decision each year, so they are TO
-- BE CONFIRMED YEARLY by a national administrator through the API (DELETE and POST
-- /api/v1/admin/holidays). Eid al-Fitr is 1–3 Shawwal; Eid al-Adha is 10–13 Dhu al-Hijja.
-- Isra and Mi'raj 1449 is expected on 25 December 2027, the same day as Christmas.

INSERT INTO holidays (institution_id, holiday_date, name_ar, name_en) VALUES
-- 2026
(NULL, '2026-01-01', 'رأس السنة الميلادية', 'New Year''s Day'),
(NULL, '2026-01-07', 'عيد الميلاد المجيد حسب التقويم الشرقي', 'Christmas (Eastern calendar)'),
(NULL, '2026-01-16', 'ذكرى الإسراء والمعراج', 'Isra and Mi''raj'),
(NULL, '2026-03-20', 'عيد الفطر السعيد', 'Eid al-Fitr'),
(NULL, '2026-03-21', 'عيد الفطر السعيد', 'Eid al-Fitr'),
(NULL, '2026-03-22', 'عيد الفطر السعيد', 'Eid al-Fitr'),
(NULL, '2026-05-01', 'عيد العمال', 'Labour Day'),
(NULL, '2026-05-27', 'عيد الأضحى المبارك', 'Eid al-Adha'),
(NULL, '2026-05-28', 'عيد الأضحى المبارك', 'Eid al-Adha'),
(NULL, '2026-05-29', 'عيد الأضحى المبارك', 'Eid al-Adha'),
(NULL, '2026-05-30', 'عيد الأضحى المبارك', 'Eid al-Adha'),
(NULL, '2026-06-16', 'رأس السنة الهجرية', 'Islamic New Year'),
(NULL, '2026-08-25', 'ذكرى المولد النبوي الشريف', 'The Prophet''s Birthday (Mawlid)'),
(NULL, '2026-11-15', 'ذكرى إعلان الاستقلال', 'Independence Day'),
(NULL, '2026-12-25', 'عيد الميلاد المجيد', 'Christmas'),
-- 2027
(NULL, '2027-01-01', 'رأس السنة الميلادية', 'New Year''s Day'),
(NULL, '2027-01-05', 'ذكرى الإسراء والمعراج', 'Isra and Mi''raj'),
(NULL, '2027-01-07', 'عيد الميلاد المجيد حسب التقويم الشرقي', 'Christmas (Eastern calendar)'),
(NULL, '2027-03-09', 'عيد الفطر السعيد', 'Eid al-Fitr'),
(NULL, '2027-03-10', 'عيد الفطر السعيد', 'Eid al-Fitr'),
(NULL, '2027-03-11', 'عيد الفطر السعيد', 'Eid al-Fitr'),
(NULL, '2027-05-01', 'عيد العمال', 'Labour Day'),
(NULL, '2027-05-16', 'عيد الأضحى المبارك', 'Eid al-Adha'),
(NULL, '2027-05-17', 'عيد الأضحى المبارك', 'Eid al-Adha'),
(NULL, '2027-05-18', 'عيد الأضحى المبارك', 'Eid al-Adha'),
(NULL, '2027-05-19', 'عيد الأضحى المبارك', 'Eid al-Adha'),
(NULL, '2027-06-06', 'رأس السنة الهجرية', 'Islamic New Year'),
(NULL, '2027-08-14', 'ذكرى المولد النبوي الشريف', 'The Prophet''s Birthday (Mawlid)'),
(NULL, '2027-11-15', 'ذكرى إعلان الاستقلال', 'Independence Day'),
(NULL, '2027-12-25', 'عيد الميلاد المجيد', 'Christmas');
