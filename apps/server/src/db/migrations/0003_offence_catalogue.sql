-- The offence catalogue: reference data for charges, from the laws in force in the West Bank.
--
-- Codes: PC-<article> for the Penal Code No. 16 of 1960 (the Jordanian code as applied in the
-- West Bank, with the Palestinian decree-laws that amend it), CYB-<article> for the Decree-Law
-- No. 10 of 2018 on Cybercrime, DRG- for the Decree-Law No. 18 of 2015 on Anti-Narcotics and
-- WPN- for the Law No. 2 of 1998 on Firearms and Ammunition. A suffix tells variants of one
-- article apart (-FAM: committed against a member of the family).
--
-- offence_class follows the penalty the article provides: felony (جناية: death, hard labour,
-- detention), misdemeanour (جنحة: imprisonment of a week to three years, fines), contravention
-- (مخالفة: police detention up to a week, small fines). Where an article carries several penalties
-- (aggravating circumstances), the class of the basic offence is given.
--
-- iccs_category is the ICCS (UNODC International Classification of Crime for Statistical Purposes)
-- section: 01 acts leading to death, 02 acts causing harm (assault, threat, liberty, coercion,
-- negligence, defamation, privacy), 03 injurious acts of a sexual nature, 04 property with
-- violence, 05 property only, 06 drugs, 07 fraud, deception and corruption, 08 public order and
-- authority, 09 public safety and state security (weapons, acts against computer systems).
--
-- is_gbv_related marks offences that open a family-protection / GBV track (DESIGN.md "Family
-- protection and gender"): sexual violence, violence within the family, violence against women and
-- children, child marriage, and threats, blackmail or image abuse of women by any means of
-- communication. Whether a given file is GBV also depends on the victim; the flag says the offence
-- is typically one.
--
-- Article numbers: the Penal Code numbers are those of the 1960 text. Articles marked "confirm" in a
-- comment are given to the best of our knowledge and must be checked against the official text
-- (Al-Waqa'i al-Filistiniya) by the administrator before go-live; a wrong number is corrected by a
-- later migration, never by editing this one.

INSERT INTO offences (code, law_ar, law_en, article, title_ar, title_en, offence_class, iccs_category, is_gbv_related) VALUES
-- Penal Code: homicide (Book 2, Part 8, Chapter 1)
('PC-326', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '326',
 'القتل القصد', 'Intentional homicide', 'felony', '01', false),
('PC-327', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '327',
 'القتل القصد في الظروف المشددة', 'Intentional homicide with aggravating circumstances', 'felony', '01', false),
('PC-328', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '328',
 'القتل العمد (مع سبق الإصرار)', 'Premeditated murder', 'felony', '01', false),
('PC-330', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '330',
 'الضرب المفضي إلى الموت', 'Assault resulting in death', 'felony', '01', false),
-- confirm: 339 (inciting or assisting suicide; detention if the suicide took place).
('PC-339', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '339',
 'الحمل على الانتحار أو المساعدة عليه', 'Inciting or assisting suicide', 'felony', '01', false),
('PC-343', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '343',
 'التسبب بالوفاة عن إهمال أو قلة احتراز', 'Causing death by negligence', 'misdemeanour', '01', false),
-- Penal Code: harm (إيذاء), threats, liberty
('PC-333', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '333',
 'الإيذاء المفضي إلى تعطيل عن العمل مدة تزيد على عشرين يوماً', 'Assault causing incapacity of more than twenty days', 'misdemeanour', '02', false),
('PC-334', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '334',
 'الإيذاء البسيط', 'Simple assault (incapacity of twenty days or less)', 'misdemeanour', '02', false),
('PC-335', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '335',
 'الإيذاء المفضي إلى عاهة دائمة', 'Assault causing permanent disability', 'felony', '02', false),
('PC-344', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '344',
 'الإيذاء غير المقصود', 'Causing harm by negligence', 'misdemeanour', '02', false),
-- confirm: 349 (threatening a felony in writing or through a third person); 350–353 are its
-- lesser forms and share this entry.
('PC-349', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '349',
 'التهديد بارتكاب جناية', 'Threatening to commit a felony', 'misdemeanour', '02', false),
('PC-354', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '354',
 'التهديد بإنزال ضرر غير محق', 'Threatening unjust harm', 'contravention', '02', false),
('PC-346', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '346',
 'حرمان الغير من حريته (حجز الحرية)', 'Unlawful deprivation of liberty', 'misdemeanour', '02', false),
-- confirm: 291 (taking a minor under fifteen away from the guardian, even with the minor's consent).
('PC-291', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '291',
 'خطف قاصر أو إبعاده عن وليه', 'Abduction of a minor from the guardian', 'misdemeanour', '02', false),
('PC-302', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '302',
 'خطف أنثى بالتحيل أو الإكراه', 'Abduction of a woman by deceit or force', 'felony', '02', true),
-- confirm: 415 (threatening to expose a matter touching a person''s honour to obtain an unlawful
-- benefit); ICCS places extortion under coercion (0205).
('PC-415', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '415',
 'الابتزاز بالتهديد بفضح أمر أو إفشائه', 'Blackmail by threat of exposure', 'misdemeanour', '02', false),
-- Penal Code: defamation (definitions in 188–190, penalties for private persons in 358–360)
('PC-358', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '358 (188، 189)',
 'الذم', 'Defamation', 'misdemeanour', '02', false),
('PC-359', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '359 (188، 189)',
 'القدح', 'Slander (insult by imputation)', 'misdemeanour', '02', false),
-- confirm: 360 (insult not amounting to defamation or slander: police detention up to a week or
-- a small fine, hence a contravention).
('PC-360', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '360 (190)',
 'التحقير', 'Insult', 'contravention', '02', false),
-- Penal Code: the family and children (GBV / family protection)
('PC-333-FAM', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '333',
 'إيذاء أحد أفراد الأسرة المفضي إلى تعطيل عن العمل مدة تزيد على عشرين يوماً', 'Assault on a family member causing incapacity of more than twenty days', 'misdemeanour', '02', true),
('PC-334-FAM', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '334',
 'الإيذاء البسيط الواقع على أحد أفراد الأسرة', 'Simple assault on a family member (domestic violence)', 'misdemeanour', '02', true),
('PC-335-FAM', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '335',
 'إيذاء أحد أفراد الأسرة المفضي إلى عاهة دائمة', 'Assault on a family member causing permanent disability', 'felony', '02', true),
('PC-349-FAM', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '349',
 'تهديد امرأة أو أحد أفراد الأسرة بارتكاب جناية', 'Threatening a woman or family member with a felony', 'misdemeanour', '02', true),
-- Child marriage: celebrating or taking part in a marriage contrary to the law, or of a girl under
-- the legal age (the age of marriage is eighteen under the Decree-Law No. 21 of 2019).
('PC-279', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '279',
 'إجراء عقد زواج قاصر أو زواج مخالف للقانون', 'Celebrating an underage or unlawful marriage', 'misdemeanour', '02', true),
-- confirm: 289 (abandoning a child under seven and endangering its life or health).
('PC-289', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '289',
 'ترك ولد دون السابعة وتعريض حياته للخطر', 'Abandoning a child under seven', 'misdemeanour', '02', true),
-- confirm: 290 (a parent or guardian refusing or neglecting to provide a child with food,
-- clothing and necessities). GBVIMS type: denial of resources, opportunities or services.
('PC-290', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '290',
 'إهمال الولد والامتناع عن إعالته', 'Neglect of a child', 'misdemeanour', '02', true),
-- Penal Code: sexual offences (the marriage exemption of article 308 was repealed by the
-- Decree-Law No. 5 of 2018).
('PC-292', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '292',
 'الاغتصاب', 'Rape', 'felony', '03', true),
-- confirm: 294 (intercourse with a girl under fifteen).
('PC-294', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '294',
 'مواقعة قاصر', 'Sexual intercourse with a minor', 'felony', '03', true),
-- confirm: 285 (incest).
('PC-285', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '285',
 'السفاح بين الأصول والفروع', 'Incest', 'felony', '03', true),
('PC-296', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '296',
 'هتك العرض بالعنف أو التهديد', 'Indecent assault by violence or threat', 'felony', '03', true),
-- confirm: 298 (indecent assault on a child under fifteen without violence).
('PC-298', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '298',
 'هتك عرض قاصر دون عنف', 'Indecent assault on a minor', 'felony', '03', true),
('PC-305', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '305',
 'المداعبة المنافية للحياء', 'Indecent touching (sexual harassment)', 'misdemeanour', '03', true),
('PC-306', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '306',
 'عرض فعل أو توجيه كلام منافٍ للحياء', 'Indecent act or words towards a woman or child (verbal sexual harassment)', 'misdemeanour', '03', true),
-- Penal Code: property
('PC-401', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '401',
 'السرقة ليلاً من شخصين فأكثر مع التهديد بالسلاح أو العنف', 'Theft at night by two or more with a weapon or violence (robbery)', 'felony', '04', false),
-- confirm: 406 (theft in aggravating places or circumstances punished by imprisonment).
('PC-406', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '406 (399)',
 'السرقة في الظروف المشددة (جنحة)', 'Aggravated theft (misdemeanour)', 'misdemeanour', '05', false),
('PC-407', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '407 (399)',
 'السرقة البسيطة', 'Simple theft', 'misdemeanour', '05', false),
('PC-422', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '422',
 'إساءة الائتمان', 'Breach of trust', 'misdemeanour', '05', false),
('PC-445', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '445',
 'الإضرار بمال الغير', 'Damage to the property of another', 'misdemeanour', '05', false),
-- confirm: 368 (arson of inhabited or uninhabited buildings).
('PC-368', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '368',
 'إضرام النار قصداً (الحريق)', 'Arson', 'felony', '05', false),
('PC-347', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '347',
 'خرق حرمة المنازل', 'Unlawful entry into a dwelling', 'misdemeanour', '05', false),
-- Penal Code: fraud, forgery, corruption
('PC-417', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '417',
 'الاحتيال', 'Fraud', 'misdemeanour', '07', false),
('PC-421', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '421',
 'إصدار شيك لا يقابله رصيد', 'Issuing a cheque without sufficient funds', 'misdemeanour', '07', false),
('PC-83', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '83',
 'إخفاء الأشياء المسروقة أو المتحصلة من جرم', 'Handling stolen goods or proceeds of crime', 'misdemeanour', '07', false),
-- confirm: 265 (forgery of official documents by persons other than officials; 260 defines
-- forgery) and 271 (forgery of private documents).
('PC-265', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '265 (260)',
 'التزوير في الأوراق الرسمية', 'Forgery of official documents', 'felony', '07', false),
('PC-271', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '271 (260)',
 'التزوير في الأوراق الخاصة', 'Forgery of private documents', 'misdemeanour', '07', false),
('PC-174', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '174',
 'الاختلاس', 'Embezzlement by a public official', 'felony', '07', false),
-- confirm: 170 (an official accepting a bribe to do a lawful act of office; corruption offences are
-- also prosecuted under the Anti-Corruption Law No. 1 of 2005).
('PC-170', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '170',
 'الرشوة', 'Bribery of a public official', 'misdemeanour', '07', false),
-- Penal Code: public authority and justice
('PC-185', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '185',
 'مقاومة الموظفين العامين', 'Resisting public officials', 'misdemeanour', '08', false),
('PC-191', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '191',
 'ذم الهيئات الرسمية والموظفين العامين', 'Defamation of official bodies or public officials', 'misdemeanour', '08', false),
('PC-210', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '210',
 'الافتراء', 'False accusation', 'misdemeanour', '08', false),
('PC-214', 'قانون العقوبات رقم 16 لسنة 1960', 'Penal Code No. 16 of 1960', '214',
 'شهادة الزور', 'Perjury', 'misdemeanour', '08', false),
-- Drugs: Decree-Law No. 18 of 2015. confirm: the article numbers of all three entries.
('DRG-14', 'قرار بقانون رقم 18 لسنة 2015 بشأن مكافحة المخدرات والمؤثرات العقلية', 'Decree-Law No. 18 of 2015 on Anti-Narcotics and Psychotropic Substances', '14',
 'الاتجار بالمواد المخدرة أو المؤثرات العقلية', 'Trafficking in narcotic drugs or psychotropic substances', 'felony', '06', false),
('DRG-17', 'قرار بقانون رقم 18 لسنة 2015 بشأن مكافحة المخدرات والمؤثرات العقلية', 'Decree-Law No. 18 of 2015 on Anti-Narcotics and Psychotropic Substances', '17',
 'زراعة النباتات المخدرة', 'Cultivation of narcotic plants', 'felony', '06', false),
('DRG-23', 'قرار بقانون رقم 18 لسنة 2015 بشأن مكافحة المخدرات والمؤثرات العقلية', 'Decree-Law No. 18 of 2015 on Anti-Narcotics and Psychotropic Substances', '23',
 'حيازة المواد المخدرة أو تعاطيها بقصد الاستعمال الشخصي', 'Possession or use of drugs for personal use', 'misdemeanour', '06', false),
-- Weapons: Law No. 2 of 1998. Article 2 prohibits acquiring or carrying a firearm without a licence
-- from the Ministry of the Interior; confirm the number of the penalty article.
('WPN-2', 'قانون رقم 2 لسنة 1998 بشأن الأسلحة النارية والذخائر', 'Law No. 2 of 1998 on Firearms and Ammunition', '2',
 'حيازة سلاح ناري أو حمله دون ترخيص', 'Possessing or carrying a firearm without a licence', 'misdemeanour', '09', false),
('WPN-2-TRADE', 'قانون رقم 2 لسنة 1998 بشأن الأسلحة النارية والذخائر', 'Law No. 2 of 1998 on Firearms and Ammunition', '2',
 'الاتجار بالأسلحة النارية أو الذخائر دون ترخيص', 'Trafficking in firearms or ammunition without a licence', 'felony', '09', false),
-- Cybercrime: Decree-Law No. 10 of 2018. Article 4 (unlawful access) and 15 (threats and
-- blackmail) are well established; confirm 7 (interception), 11 (electronic fraud), 16 (child
-- sexual abuse material) and 22 (privacy and family life).
('CYB-4', 'قرار بقانون رقم 10 لسنة 2018 بشأن الجرائم الإلكترونية', 'Decree-Law No. 10 of 2018 on Cybercrime', '4',
 'الدخول غير المشروع إلى موقع أو نظام أو شبكة إلكترونية', 'Unlawful access to a website, information system or network', 'misdemeanour', '09', false),
('CYB-7', 'قرار بقانون رقم 10 لسنة 2018 بشأن الجرائم الإلكترونية', 'Decree-Law No. 10 of 2018 on Cybercrime', '7',
 'اعتراض ما هو مرسل عبر الشبكة أو التقاطه أو التنصت عليه', 'Unlawful interception of transmissions', 'misdemeanour', '09', false),
('CYB-11', 'قرار بقانون رقم 10 لسنة 2018 بشأن الجرائم الإلكترونية', 'Decree-Law No. 10 of 2018 on Cybercrime', '11',
 'الاحتيال الإلكتروني والاستيلاء على المال عبر الشبكة', 'Electronic fraud', 'misdemeanour', '07', false),
('CYB-15', 'قرار بقانون رقم 10 لسنة 2018 بشأن الجرائم الإلكترونية', 'Decree-Law No. 10 of 2018 on Cybercrime', '15',
 'التهديد أو الابتزاز بوسائل تكنولوجيا المعلومات', 'Threats or blackmail through information technology', 'misdemeanour', '02', true),
('CYB-16', 'قرار بقانون رقم 10 لسنة 2018 بشأن الجرائم الإلكترونية', 'Decree-Law No. 10 of 2018 on Cybercrime', '16',
 'إنتاج أو نشر مواد إباحية تتعلق بالأطفال عبر الشبكة', 'Producing or publishing child sexual abuse material online', 'felony', '03', true),
('CYB-22', 'قرار بقانون رقم 10 لسنة 2018 بشأن الجرائم الإلكترونية', 'Decree-Law No. 10 of 2018 on Cybercrime', '22',
 'الاعتداء على حرمة الحياة الخاصة ونشر الصور الخاصة عبر الشبكة', 'Violation of privacy and publishing private images online', 'misdemeanour', '02', true);
