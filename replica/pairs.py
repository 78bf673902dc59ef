# ruff: noqa: E501
# (one page per line of the table below: long Thai and English text is data)
"""Ground truth for matching translations: one bilingual site and its true Thai-English pairs.

The platform rarely says which Thai article an English one translates: most language
switches lead to the other language's home page.  A matcher must find the pairs from
slugs, dates, photos and text, and this module is what it is measured on: 64 pages of
www.mfa.go.th's press releases imported 2 Sep - 18 Oct 2024 (35 Thai, 29 English), with
the pairs a human archivist would name, written without looking at any matcher.  The
events are plausible, not records of what happened.

Photos: a page shows one gallery picture per caption (the CMS's default captions), the
k-th keyed by ``image_seed[2k:2k+24]``, so pages with one seed share their first N
photos.  Weekly briefings carry one banner as their 3rd photo (seed characters 4-28);
a "reused" photo is the same splice.  Inline-picture and video keys (which begin in
characters 0-3) differ unless the pages share a seed.

TRUE PAIRS (23)  th date / en date, slugs, photos shared, language switch
  N1      3 Sep / same      Mongo ids both (timestamps 4 h apart)      3 of 3       none   th in Thai digits
  ID      4 Sep / next day  ...04092024 vs ...04092024-eng            2 (th 4)     none
  B1      5 Sep / same      weeklypressbriefing050924 vs -2            3 of 3       none   th in Thai digits
  TICA    6 Sep / same      -th vs -en                                 no photos    both ways
  POL     9 Sep / next day  Thai-script vs English slug                3 of 3       th->en
  VN     11 Sep / same      condolences-vietnam-yagi vs -2             no photos    none
  B2     12 Sep / next day  presscon120967 (BE) vs presscon12sep24     2 (th 4)     none
  MM     17 Sep / same      Thai-script vs English                     4 of 4       both ways
  LA     17 Sep / +6 days   Thai-script vs English                     none (own)   none
  HRC    18 Sep / same      numeric-prefixed Thai (18-ก-ย-2567) vs En  1 (th 2)     none
  B3     19 Sep / same      ...190924-th vs ...190924-en, ?cate        3 of 3       both ways
  UNGA   24 Sep / same      fm-unga79 vs fm-unga79-eng                 5 of 5       none
  SG     25 Sep / same      Thai-script vs English auto slug           2 (th 3)     en->th
  AU     27 Sep / same      ...270924 vs ...270924-en                  3 of 3       none   reuses N1's 3rd photo
  ME      1 Oct / same      Thai-script vs English                     no photos    both ways  th updated 3 Oct
  B5      3 Oct / same      october3presser-th vs -en                  4 of 4       en->th
  ADEP    8 Oct / same      asean-summit-2024 vs pm-attends-...        2 of 2       none
  LAOPM   9 Oct / same      Thai-script vs English auto slug           1 (th 3)     th->en
  B6     10 Oct / +4 days   presscon101067 vs weeklypressbriefing101024-eng  banner only  none
  AOUT   11 Oct / same      Thai-script vs asean-summit-2024-2         4 of 4       none
  KR     15 Oct / same      Thai-script vs Mongo id                    3 of 3       none
  B7     17 Oct / same      weeklypressbriefing171024 vs -2            3 of 3       none   th updated 21 Oct
  MLC    18 Oct / same      -th vs -en                                 3 of 3       both ways
DISTRACTORS
  - weekly briefings in both languages every Thursday, near-identical titles and slugs,
    the banner photo in all of them; 26 Sep only in Thai (no English that week);
  - asean-summit-2024 (th) pairs with pm-attends-..., not with asean-summit-2024-2 (en);
  - Thai-only pages on days with unrelated English ones (2, 13 Sep; 9, 14 Oct);
  - 9 Oct: three Thai ASEAN-sidelines pages (Laos, Viet Nam, APSC), one English (Laos);
    10 Oct: an English-only meeting with Japan; 25 Sep: Thai-only New Zealand meeting
    beside the Singapore pair (same day, same date in the body, near-identical title,
    and its slug is the Singapore Thai slug + '-2': the CMS's 50-character cut made them equal);
  - 17 Sep: two Thai flood-relief pages, one English (Myanmar); Laos's English 6 days on;
  - AU is a near-clone of N1 (courtesy call on the Permanent Secretary) sharing a photo;
    the English-only Indonesia page of 18 Oct reuses ID's 3rd photo (Thai side only);
  - Thai-only Lebanon evacuation (2 Oct) repeats the English ME statement's numbers;
  - a Thai-only Mongo-id page the day after KR's English Mongo-id page.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from urllib.parse import quote

from replica.content import THAI_MONTHS_FULL, Page, format_date

EN_MONTHS_FULL = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)
CATE = {"th": "5d5bcb4e15e39c306000683d", "en": "5d5bcb4e15e39c306000683e"}
CAPTION = {"th": "รูปภาพประกอบ", "en": "Images"}  # the CMS's default captions
BANNER = hashlib.sha256(b"weekly press briefing banner").hexdigest()

# key | lang | imported | updated | slug (* = from the title, *-2 = its duplicate; &cate = the
# press-release category query) | photos | seed (= the pair's; own; banner; reuse:KEY) | switch (y = to
# the counterpart) | title | body (paragraphs split by " ¶ "; {brief:DATE} = the header)
_TABLE = """
solo-penang | th | 2024-09-02 | | *&cate | 1 | own | | สถานเอกอัครราชทูต ณ กรุงกัวลาลัมเปอร์ จะให้บริการกงสุลสัญจร ณ เมืองปีนัง ระหว่างวันที่ 14-15 กันยายน 2567 | สถานเอกอัครราชทูต ณ กรุงกัวลาลัมเปอร์ จะจัดหน่วยกงสุลสัญจรไปให้บริการด้านหนังสือเดินทางและนิติกรณ์แก่คนไทยในเมืองปีนัง ระหว่างวันที่ 14-15 กันยายน 2567 เวลา 09.00-15.00 น. ¶ ผู้ประสงค์จะรับบริการโปรดลงทะเบียนล่วงหน้าทางเว็บไซต์ของสถานเอกอัครราชทูตภายในวันที่ 10 กันยายน 2567 และนำบัตรประจำตัวประชาชนและหนังสือเดินทางเล่มเดิมมาด้วย
solo-visa | en | 2024-09-02 | | visa-exemption-clarification&cate | 0 | own | | Clarification on the Visa Exemption Scheme for Nationals of 93 Countries and Territories | The Ministry of Foreign Affairs wishes to clarify that, since 15 July 2024, nationals of 93 countries and territories entering Thailand for tourism or short-term business may stay for up to 60 days without a visa. ¶ Travellers are advised to carry proof of onward travel and sufficient funds. Further information is available from the Royal Thai Embassies and Consulates-General.
N1 | th | 2024-09-03 | | 66d67700e2b49d1f300a41c7 | 3 | = | | ปลัดกระทรวงการต่างประเทศให้การต้อนรับเอกอัครราชทูตญี่ปุ่นประจำประเทศไทยในโอกาสเข้าเยี่ยมคารวะ | เมื่อวันที่ ๓ กันยายน ๒๕๖๗ นางเอกสิริ ปิณฑะรุจิ ปลัดกระทรวงการต่างประเทศ ได้ให้การต้อนรับนายโอตากะ มาซาโตะ เอกอัครราชทูตญี่ปุ่นประจำประเทศไทย ในโอกาสเข้าเยี่ยมคารวะ ณ กระทรวงการต่างประเทศ ¶ ทั้งสองฝ่ายได้หารือเกี่ยวกับการเตรียมการเยือนระดับสูง ความร่วมมือทางเศรษฐกิจภายใต้ความตกลงหุ้นส่วนเศรษฐกิจญี่ปุ่น-ไทย และความร่วมมือในกรอบแม่โขง-ญี่ปุ่น ¶ ปลัดกระทรวงการต่างประเทศขอบคุณญี่ปุ่นที่เป็นแหล่งการลงทุนจากต่างประเทศที่ใหญ่ที่สุดของไทยมาอย่างต่อเนื่อง
N1 | en | 2024-09-03 | | 66d6b51ce2b49d1f300a4213 | 3 | = | | Permanent Secretary for Foreign Affairs Receives Courtesy Call by the Ambassador of Japan to Thailand | On 3 September 2024, Mrs. Eksiri Pintaruchi, Permanent Secretary for Foreign Affairs, received a courtesy call by H.E. Mr. Otaka Masato, Ambassador of Japan to Thailand, at the Ministry of Foreign Affairs. ¶ Both sides discussed preparations for upcoming high-level visits, economic cooperation under the Japan-Thailand Economic Partnership Agreement and cooperation under the Mekong-Japan framework. ¶ The Permanent Secretary thanked Japan for remaining Thailand's largest source of foreign investment.
ID | th | 2024-09-04 | | psbilatdgindonesia04092024&cate | 4 | = | | ไทยและอินโดนีเซียจัดการประชุมหารือทวิภาคีระดับอธิบดี ครั้งที่ 3 ณ กรุงเทพฯ | เมื่อวันที่ 4 กันยายน 2567 อธิบดีกรมเอเชียตะวันออก และอธิบดีฝ่ายเอเชียแปซิฟิกของกระทรวงการต่างประเทศอินโดนีเซีย เป็นประธานร่วมการประชุมหารือทวิภาคีไทย-อินโดนีเซีย ครั้งที่ 3 ณ กรุงเทพฯ ¶ ที่ประชุมได้ทบทวนความคืบหน้าของความร่วมมือด้านการค้า การประมง และความเชื่อมโยงทางทะเล และเห็นพ้องที่จะผลักดันการเปิดเส้นทางเดินเรือระนอง-เบลาวัน ¶ ทั้งสองฝ่ายเห็นพ้องให้จัดการประชุมครั้งที่ 4 ที่กรุงจาการ์ตาในปี 2568
ID | en | 2024-09-05 | | psbilatdgindonesia04092024-eng | 2 | = | | Thailand and Indonesia Hold the 3rd Bilateral Consultations at Director-General Level in Bangkok | On 4 September 2024, the Director-General of the Department of East Asian Affairs and the Director-General for Asia and the Pacific of the Ministry of Foreign Affairs of Indonesia co-chaired the 3rd Thailand-Indonesia Bilateral Consultations in Bangkok. ¶ The meeting reviewed progress in trade, fisheries and maritime connectivity, and agreed to push for the opening of the Ranong-Belawan shipping route. ¶ Both sides agreed to hold the 4th Consultations in Jakarta in 2025.
B1 | th | 2024-09-05 | | weeklypressbriefing050924 | 3 | banner | | สรุปการแถลงข่าวประจำสัปดาห์โดยอธิบดีกรมสารนิเทศและโฆษกกระทรวงการต่างประเทศ วันที่ ๕ กันยายน ๒๕๖๗ | สรุปการแถลงข่าวประจำสัปดาห์ โดยอธิบดีกรมสารนิเทศและโฆษกกระทรวงการต่างประเทศ วันพฤหัสบดีที่ ๕ กันยายน ๒๕๖๗ เวลา ๑๑.๐๐ น. ณ ห้องแถลงข่าว กระทรวงการต่างประเทศ ¶ ๑. ผลการดำเนินมาตรการยกเว้นการตรวจลงตราให้แก่ผู้ถือหนังสือเดินทาง ๙๓ ประเทศและดินแดน ซึ่งมีนักท่องเที่ยวเดินทางเข้าไทยแล้วกว่า ๔.๒ ล้านคนนับตั้งแต่วันที่ ๑๕ กรกฎาคม ๒๕๖๗ ¶ ๒. การดูแลคนไทยในฟิลิปปินส์และเกาะไหหลำของจีนซึ่งได้รับผลกระทบจากพายุไต้ฝุ่นยางิ ยังไม่มีรายงานคนไทยได้รับบาดเจ็บ
B1 | en | 2024-09-05 | | weeklypressbriefing050924-2 | 3 | banner | | Summary of the Weekly Press Briefing by the Director-General of the Department of Information and MFA Spokesperson on 5 September 2024 | {brief:2024-09-05} ¶ 1. Results of the visa exemption measure for holders of passports of 93 countries and territories: more than 4.2 million visitors have entered Thailand since 15 July 2024 ¶ 2. Assistance to Thai nationals in the Philippines and Hainan, China, affected by Typhoon Yagi: no Thai casualties have been reported
TICA | th | 2024-09-06 | | tica-scholarship-2025-th | 0 | = | y | กรมความร่วมมือระหว่างประเทศเปิดรับสมัครทุนการศึกษาหลักสูตรปริญญาโทนานาชาติ ประจำปี 2568 | กรมความร่วมมือระหว่างประเทศ (TICA) เปิดรับสมัครทุนการศึกษาหลักสูตรปริญญาโทนานาชาติ (TIPP) ประจำปี 2568 จำนวน 60 ทุน ใน 25 หลักสูตร สำหรับผู้สมัครจากประเทศกำลังพัฒนา ¶ ผู้สนใจสามารถยื่นใบสมัครผ่านสถานเอกอัครราชทูตไทยในประเทศของตนได้ภายในวันที่ 31 ตุลาคม 2567
TICA | en | 2024-09-06 | | tica-scholarship-2025-en | 0 | = | y | TICA Invites Applications for the Thailand International Postgraduate Programme (TIPP) 2025 | The Thailand International Cooperation Agency (TICA) invites applications for the Thailand International Postgraduate Programme (TIPP) 2025, offering 60 scholarships in 25 master's programmes to candidates from developing countries. ¶ Applications must be submitted through the Royal Thai Embassy in the applicant's country by 31 October 2024.
POL | th | 2024-09-09 | | * | 3 | = | y | รัฐมนตรีว่าการกระทรวงการต่างประเทศมอบนโยบายแก่ผู้บริหารกระทรวงการต่างประเทศ | เมื่อวันที่ 9 กันยายน 2567 นายมาริษ เสงี่ยมพงษ์ รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้มอบนโยบายแก่ผู้บริหารและข้าราชการกระทรวงการต่างประเทศ ณ ห้องประชุมกรมสารนิเทศ ¶ รัฐมนตรีฯ เน้นย้ำให้การต่างประเทศเป็นเครื่องมือในการสร้างโอกาสทางเศรษฐกิจ การดูแลคนไทยในต่างประเทศ และการฟื้นฟูบทบาทของไทยในเวทีโลก ¶ ในโอกาสนี้ ปลัดกระทรวงการต่างประเทศได้รายงานแผนงานสำคัญในช่วง 3 เดือนข้างหน้า รวมถึงการประชุมสุดยอดอาเซียนและการประชุมสมัชชาสหประชาชาติ
POL | en | 2024-09-10 | | fm-policy-to-mfa-executives&cate | 3 | = | | Minister of Foreign Affairs Gives Policy Guidance to the Ministry's Executives | On 9 September 2024, Mr. Maris Sangiampongsa, Minister of Foreign Affairs, gave policy guidance to the executives and officials of the Ministry of Foreign Affairs at the Department of Information's meeting room. ¶ The Minister stressed that foreign policy should create economic opportunities, take care of Thai nationals abroad and restore Thailand's role on the world stage. ¶ The Permanent Secretary reported on the key events of the next three months, including the ASEAN Summits and the UN General Assembly.
solo-scam | th | 2024-09-10 | | * | 0 | own | | กรมการกงสุลเตือนภัยขบวนการหลอกลวงคนไทยไปทำงานผิดกฎหมายในประเทศเพื่อนบ้าน | กรมการกงสุลขอเตือนให้คนไทยระมัดระวังการชักชวนไปทำงานในประเทศเพื่อนบ้านผ่านสื่อสังคมออนไลน์ โดยอ้างว่าเป็นงานแอดมินหรืองานคอลเซ็นเตอร์ที่มีรายได้สูง ¶ ตั้งแต่ต้นปี 2567 กระทรวงการต่างประเทศได้ช่วยเหลือคนไทยที่ตกเป็นเหยื่อกลับประเทศแล้วกว่า 700 คน ผู้พบเบาะแสโปรดแจ้งกรมการกงสุล
VN | th | 2024-09-11 | | condolences-vietnam-yagi | 0 | = | | สาส์นแสดงความเสียใจต่อรัฐบาลและประชาชนเวียดนามกรณีพายุไต้ฝุ่นยางิ | เมื่อวันที่ 11 กันยายน 2567 นายมาริษ เสงี่ยมพงษ์ รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้มีสาส์นถึงนายบุ่ย แทงห์ เซิน รัฐมนตรีว่าการกระทรวงการต่างประเทศเวียดนาม เพื่อแสดงความเสียใจต่อความสูญเสียจากพายุไต้ฝุ่นยางิ ¶ รัฐบาลไทยพร้อมให้ความช่วยเหลือแก่ผู้ประสบภัย และได้มอบเงินช่วยเหลือเบื้องต้นจำนวน 100,000 ดอลลาร์สหรัฐ ผ่านศูนย์ประสานงานอาเซียนเพื่อการให้ความช่วยเหลือด้านมนุษยธรรม (AHA Centre)
VN | en | 2024-09-11 | | condolences-vietnam-yagi-2 | 0 | = | | Message of Condolence to the Government and People of Viet Nam on Typhoon Yagi | On 11 September 2024, Mr. Maris Sangiampongsa, Minister of Foreign Affairs, sent a message to Mr. Bui Thanh Son, Minister of Foreign Affairs of Viet Nam, expressing condolences for the loss of life caused by Typhoon Yagi. ¶ The Royal Thai Government stands ready to assist those affected and has provided an initial contribution of USD 100,000 through the ASEAN Coordinating Centre for Humanitarian Assistance on disaster management (AHA Centre).
B2 | th | 2024-09-12 | | presscon120967 | 4 | banner | | สรุปการแถลงข่าวประจำสัปดาห์ วันพฤหัสบดีที่ 12 กันยายน 2567 | {brief:2024-09-12} ¶ 1. ความช่วยเหลือของไทยแก่เมียนมา สปป. ลาว และเวียดนามที่ได้รับผลกระทบจากพายุไต้ฝุ่นยางิ มูลค่ารวมกว่า 10 ล้านบาท ¶ 2. การสมัครรับเลือกตั้งเป็นสมาชิกคณะมนตรีสิทธิมนุษยชนแห่งสหประชาชาติ วาระปี 2568-2570 ซึ่งจะมีการลงคะแนนในวันที่ 9 ตุลาคม 2567
B2 | en | 2024-09-13 | | presscon12sep24&cate | 2 | banner | | Summary of Weekly Press Briefing on Thursday, 12 September 2024 at 11.00 hours | {brief:2024-09-12} ¶ 1. Thailand's assistance to Myanmar, the Lao PDR and Viet Nam affected by Typhoon Yagi, totalling more than 10 million baht ¶ 2. Thailand's candidature for the UN Human Rights Council for 2025-2027; the vote will take place on 9 October 2024
solo-nongkhai | th | 2024-09-13 | | * | 3 | own | | อธิบดีกรมสารนิเทศนำคณะสื่อมวลชนไทยเยือนจังหวัดหนองคายเพื่อติดตามความร่วมมือไทย-ลาว | ระหว่างวันที่ 12-13 กันยายน 2567 อธิบดีกรมสารนิเทศนำคณะสื่อมวลชนไทย 20 คน เยือนจังหวัดหนองคาย เพื่อติดตามความคืบหน้าของความร่วมมือไทย-ลาว ด้านการขนส่งและการค้าชายแดน ¶ คณะได้เยี่ยมชมสะพานมิตรภาพไทย-ลาว แห่งที่ 1 และสถานีรถไฟหนองคาย ซึ่งเชื่อมต่อกับเส้นทางรถไฟลาว-จีน
solo-china | en | 2024-09-13 | | fm-telephone-call-china | 0 | own | | Minister of Foreign Affairs Holds Telephone Conversation with the Minister of Foreign Affairs of China | On 13 September 2024, Mr. Maris Sangiampongsa, Minister of Foreign Affairs, held a telephone conversation with Mr. Wang Yi, Minister of Foreign Affairs of the People's Republic of China. ¶ Both sides agreed to prepare for the celebration of the 50th anniversary of Thailand-China diplomatic relations in 2025.
MM | th | 2024-09-17 | | * | 4 | = | y | ไทยมอบสิ่งของบรรเทาทุกข์แก่ผู้ประสบอุทกภัยในเมียนมา | เมื่อวันที่ 17 กันยายน 2567 เอกอัครราชทูต ณ กรุงย่างกุ้ง ได้ส่งมอบสิ่งของบรรเทาทุกข์มูลค่า 5 ล้านบาท ได้แก่ ข้าวสาร น้ำดื่ม และเวชภัณฑ์ ให้แก่สภากาชาดเมียนมา เพื่อช่วยเหลือผู้ประสบอุทกภัยจากพายุไต้ฝุ่นยางิ ¶ สิ่งของดังกล่าวขนส่งโดยเครื่องบิน C-130 ของกองทัพอากาศไทยจำนวน 2 เที่ยวบินจากกรุงเทพฯ ไปยังกรุงเนปิดอว์ ¶ ไทยและเมียนมามีพรมแดนติดต่อกันยาวกว่า 2,400 กิโลเมตร และไทยพร้อมสนับสนุนการฟื้นฟูในระยะต่อไป
MM | en | 2024-09-17 | | humanitarian-assistance-myanmar-floods | 4 | = | y | Thailand Delivers Relief Supplies to Flood Victims in Myanmar | On 17 September 2024, the Ambassador of Thailand to Myanmar handed over relief supplies worth 5 million baht, including rice, drinking water and medical supplies, to the Myanmar Red Cross Society to assist victims of the floods caused by Typhoon Yagi. ¶ The supplies were flown from Bangkok to Nay Pyi Taw on two Royal Thai Air Force C-130 flights. ¶ Thailand and Myanmar share a border of over 2,400 kilometres, and Thailand stands ready to support the recovery.
LA | th | 2024-09-17 | | * | 2 | own | | ไทยมอบความช่วยเหลือแก่ สปป. ลาว เพื่อบรรเทาผลกระทบจากอุทกภัย | เมื่อวันที่ 17 กันยายน 2567 เอกอัครราชทูต ณ นครเวียงจันทน์ ได้ส่งมอบเงินช่วยเหลือจำนวน 3 ล้านบาท และถุงยังชีพ 2,000 ชุด ให้แก่กระทรวงแรงงานและสวัสดิการสังคม สปป. ลาว เพื่อช่วยเหลือผู้ประสบอุทกภัยในแขวงหลวงน้ำทาและแขวงบ่อแก้ว ¶ ความช่วยเหลือดังกล่าวสะท้อนความสัมพันธ์ฉันบ้านพี่เมืองน้องระหว่างไทยกับ สปป. ลาว
HRC | th | 2024-09-18 | | 124417-18-ก-ย-2567-ไทยรณรงค์สมัครสมาชิกคณะมนตรีสิทธิมนุษยชน&cate | 2 | = | | ไทยเดินหน้ารณรงค์สมัครรับเลือกตั้งเป็นสมาชิกคณะมนตรีสิทธิมนุษยชนแห่งสหประชาชาติ วาระปี 2568-2570 | เมื่อวันที่ 18 กันยายน 2567 กระทรวงการต่างประเทศจัดงานรับรองคณะทูตานุทูตจากกว่า 80 ประเทศ เพื่อรณรงค์สนับสนุนการสมัครรับเลือกตั้งของไทยเป็นสมาชิกคณะมนตรีสิทธิมนุษยชนแห่งสหประชาชาติ วาระปี 2568-2570 ¶ การเลือกตั้งจะมีขึ้นในวันที่ 9 ตุลาคม 2567 ณ นครนิวยอร์ก โดยไทยชูประเด็นความเท่าเทียม การพัฒนาที่ยั่งยืน และสิทธิของกลุ่มเปราะบาง
HRC | en | 2024-09-18 | | thailand-hrc-candidature-2025-2027 | 1 | = | | Thailand Steps Up Its Campaign for Membership of the UN Human Rights Council for 2025-2027 | On 18 September 2024, the Ministry of Foreign Affairs hosted a reception for the diplomatic corps from more than 80 countries to promote Thailand's candidature for membership of the United Nations Human Rights Council for the term 2025-2027. ¶ The election will be held in New York on 9 October 2024. Thailand's campaign focuses on equality, sustainable development and the rights of vulnerable groups.
B3 | th | 2024-09-19 | | weekly-press-briefing-190924-th&cate | 3 | banner | y | สรุปการแถลงข่าวประจำสัปดาห์โดยอธิบดีกรมสารนิเทศและโฆษกกระทรวงการต่างประเทศ วันที่ 19 กันยายน 2567 | {brief:2024-09-19} ¶ 1. การเข้าร่วมการประชุมสมัชชาสหประชาชาติ สมัยสามัญ ครั้งที่ 79 ของรัฐมนตรีว่าการกระทรวงการต่างประเทศ ระหว่างวันที่ 22-28 กันยายน 2567 ¶ 2. การส่งมอบสิ่งของบรรเทาทุกข์มูลค่า 5 ล้านบาทแก่ผู้ประสบอุทกภัยในเมียนมา
B3 | en | 2024-09-19 | | weekly-press-briefing-190924-en&cate | 3 | banner | y | Summary of the Weekly Press Briefing by the Director-General of the Department of Information and MFA Spokesperson on 19 September 2024 | {brief:2024-09-19} ¶ 1. The Minister of Foreign Affairs' attendance at the 79th Session of the UN General Assembly, 22-28 September 2024 ¶ 2. Delivery of relief supplies worth 5 million baht to flood victims in Myanmar
LA | en | 2024-09-23 | | assistance-lao-pdr-floods&cate | 1 | own | | Thailand Provides Flood Relief Assistance to the Lao PDR | On 17 September 2024, the Ambassador of Thailand to the Lao PDR handed over a contribution of 3 million baht and 2,000 relief kits to the Ministry of Labour and Social Welfare of the Lao PDR to assist flood victims in Luang Namtha and Bokeo provinces. ¶ The assistance reflects the close and special relations between Thailand and the Lao PDR.
UNGA | th | 2024-09-24 | | fm-unga79 | 5 | = | | รัฐมนตรีว่าการกระทรวงการต่างประเทศเข้าร่วมการประชุมสมัชชาสหประชาชาติ สมัยสามัญ ครั้งที่ 79 ณ นครนิวยอร์ก | ระหว่างวันที่ 22-28 กันยายน 2567 นายมาริษ เสงี่ยมพงษ์ รัฐมนตรีว่าการกระทรวงการต่างประเทศ เดินทางเยือนนครนิวยอร์ก เพื่อเข้าร่วมการประชุมสมัชชาสหประชาชาติ สมัยสามัญ ครั้งที่ 79 และการประชุมสุดยอดเพื่ออนาคต (Summit of the Future) ¶ รัฐมนตรีฯ มีกำหนดกล่าวถ้อยแถลงในการอภิปรายทั่วไปในวันที่ 27 กันยายน 2567 และหารือทวิภาคีกับรัฐมนตรีต่างประเทศกว่า 10 ประเทศ
UNGA | en | 2024-09-24 | | fm-unga79-eng | 5 | = | | Minister of Foreign Affairs Attends the 79th Session of the United Nations General Assembly in New York | From 22 to 28 September 2024, Mr. Maris Sangiampongsa, Minister of Foreign Affairs, is in New York to attend the 79th Session of the United Nations General Assembly and the Summit of the Future. ¶ The Minister will deliver Thailand's statement at the General Debate on 27 September 2024 and hold bilateral meetings with more than 10 foreign ministers.
SG | th | 2024-09-25 | | * | 3 | = | | รัฐมนตรีว่าการกระทรวงการต่างประเทศหารือกับรัฐมนตรีว่าการกระทรวงการต่างประเทศสิงคโปร์ ณ นครนิวยอร์ก | เมื่อวันที่ 24 กันยายน 2567 (ตามเวลาท้องถิ่น) นายมาริษ เสงี่ยมพงษ์ รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้หารือกับนายวิเวียน บาลากฤษณัน รัฐมนตรีว่าการกระทรวงการต่างประเทศสิงคโปร์ ณ นครนิวยอร์ก ¶ ทั้งสองฝ่ายเห็นพ้องที่จะส่งเสริมความร่วมมือด้านพลังงานสะอาดและเศรษฐกิจดิจิทัล และเตรียมการฉลองครบรอบ 60 ปีความสัมพันธ์ทางการทูตไทย-สิงคโปร์ในปี 2568
SG | en | 2024-09-25 | | * | 2 | = | y | Minister of Foreign Affairs Meets Singapore's Minister for Foreign Affairs on the Sidelines of UNGA79 | On 24 September 2024 (local time), Mr. Maris Sangiampongsa, Minister of Foreign Affairs, met Dr. Vivian Balakrishnan, Minister for Foreign Affairs of Singapore, in New York. ¶ Both sides agreed to promote cooperation in clean energy and the digital economy, and to prepare for the 60th anniversary of Thailand-Singapore diplomatic relations in 2025.
solo-nz | th | 2024-09-25 | | *-2 | 2 | own | | รัฐมนตรีว่าการกระทรวงการต่างประเทศหารือกับรัฐมนตรีว่าการกระทรวงการต่างประเทศนิวซีแลนด์ ณ นครนิวยอร์ก | เมื่อวันที่ 24 กันยายน 2567 (ตามเวลาท้องถิ่น) นายมาริษ เสงี่ยมพงษ์ รัฐมนตรีว่าการกระทรวงการต่างประเทศ ได้หารือกับนายวินสตัน ปีเตอร์ส รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงการต่างประเทศนิวซีแลนด์ ณ นครนิวยอร์ก ¶ ทั้งสองฝ่ายเห็นพ้องที่จะยกระดับความสัมพันธ์ และเตรียมการฉลองครบรอบ 70 ปีความสัมพันธ์ทางการทูตไทย-นิวซีแลนด์ในปี 2569
B4 | th | 2024-09-26 | | summary-press-briefing-26sep24 | 3 | banner | | สรุปการแถลงข่าวประจำสัปดาห์โดยอธิบดีกรมสารนิเทศและโฆษกกระทรวงการต่างประเทศ วันที่ 26 กันยายน 2567 | {brief:2024-09-26} ¶ 1. ผลการหารือทวิภาคีของรัฐมนตรีว่าการกระทรวงการต่างประเทศกับสิงคโปร์และนิวซีแลนด์ในช่วงการประชุมสมัชชาสหประชาชาติ ¶ 2. สถานการณ์ในเลบานอน ซึ่งมีคนไทยพำนักอยู่ประมาณ 140 คน และการเตรียมแผนอพยพ
AU | th | 2024-09-27 | | courtesy-call-australia-270924 | 3 | reuse:N1 | | ปลัดกระทรวงการต่างประเทศให้การต้อนรับเอกอัครราชทูตออสเตรเลียประจำประเทศไทยในโอกาสเข้าเยี่ยมคารวะ | เมื่อวันที่ 27 กันยายน 2567 นางเอกสิริ ปิณฑะรุจิ ปลัดกระทรวงการต่างประเทศ ได้ให้การต้อนรับนางแองเจลา แมคโดนัลด์ เอกอัครราชทูตออสเตรเลียประจำประเทศไทย ในโอกาสเข้าเยี่ยมคารวะ ¶ ทั้งสองฝ่ายหารือถึงการจัดประชุมรัฐมนตรีไทย-ออสเตรเลียครั้งต่อไป และความร่วมมือด้านการศึกษา ซึ่งปัจจุบันมีนักศึกษาไทยในออสเตรเลียกว่า 20,000 คน
AU | en | 2024-09-27 | | courtesy-call-australia-270924-en | 3 | reuse:N1 | | Permanent Secretary for Foreign Affairs Receives Courtesy Call by the Ambassador of Australia to Thailand | On 27 September 2024, Mrs. Eksiri Pintaruchi, Permanent Secretary for Foreign Affairs, received a courtesy call by H.E. Ms. Angela Macdonald, Ambassador of Australia to Thailand. ¶ Both sides discussed the next Thailand-Australia ministerial meeting and cooperation in education; more than 20,000 Thai students are currently studying in Australia.
solo-debate | en | 2024-09-28 | | * | 1 | own | | Statement by H.E. Mr. Maris Sangiampongsa, Minister of Foreign Affairs of the Kingdom of Thailand, at the General Debate of the 79th Session of the UN General Assembly | Mr. President, Thailand congratulates you on your election and assures you of our full support. ¶ Multilateralism remains our best option to confront today's global challenges, from climate change to conflicts. Thailand will work for a more inclusive and effective United Nations as a member of the Human Rights Council, if elected, for 2025-2027.
solo-retire | th | 2024-09-30 | | * | 4 | own | | กระทรวงการต่างประเทศจัดพิธีมุทิตาจิตแด่ผู้เกษียณอายุราชการ ประจำปี 2567 | เมื่อวันที่ 30 กันยายน 2567 กระทรวงการต่างประเทศจัดพิธีมุทิตาจิตแด่ข้าราชการและลูกจ้างผู้เกษียณอายุราชการ ประจำปี 2567 จำนวน 42 ราย ณ ห้องประชุมกระทรวงการต่างประเทศ ¶ ปลัดกระทรวงการต่างประเทศกล่าวขอบคุณผู้เกษียณอายุราชการทุกคนที่ได้อุทิศตนรับใช้ประเทศชาติ
ME | th | 2024-10-01 | 2024-10-03 | * | 0 | = | y | แถลงการณ์กระทรวงการต่างประเทศ เรื่อง สถานการณ์ในตะวันออกกลาง | กระทรวงการต่างประเทศติดตามสถานการณ์ความรุนแรงในเลบานอนและภูมิภาคตะวันออกกลางด้วยความห่วงกังวลอย่างยิ่ง และขอเรียกร้องให้ทุกฝ่ายใช้ความอดกลั้นสูงสุด ¶ ขณะนี้มีคนไทยพำนักอยู่ในเลบานอนประมาณ 140 คน และในอิสราเอลประมาณ 30,000 คน สถานเอกอัครราชทูตที่เกี่ยวข้องพร้อมให้ความช่วยเหลือ ¶ คนไทยที่ต้องการความช่วยเหลือสามารถติดต่อสายด่วนของสถานเอกอัครราชทูตได้ตลอด 24 ชั่วโมง ¶ ปรับปรุงข้อมูลเมื่อวันที่ 3 ตุลาคม 2567: คนไทยกลุ่มแรกจำนวน 22 คนเดินทางถึงประเทศไทยแล้ว
ME | en | 2024-10-01 | | mfa-statement-middle-east&cate | 0 | = | y | Statement of the Ministry of Foreign Affairs on the Situation in the Middle East | The Ministry of Foreign Affairs is following with grave concern the escalation of violence in Lebanon and the Middle East and calls on all parties to exercise utmost restraint. ¶ There are approximately 140 Thai nationals in Lebanon and 30,000 in Israel. The Royal Thai Embassies concerned stand ready to provide assistance. ¶ Thai nationals in need of help may contact the Embassies' 24-hour hotlines.
solo-recruit | th | 2024-10-01 | | * | 0 | own | | ประกาศกระทรวงการต่างประเทศ เรื่อง รับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการทั่วไป ตำแหน่งเจ้าหน้าที่บริหารงานทั่วไป | กระทรวงการต่างประเทศประสงค์จะรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการทั่วไป ตำแหน่งเจ้าหน้าที่บริหารงานทั่วไป จำนวน 5 อัตรา ¶ ผู้สนใจสามารถสมัครทางอินเทอร์เน็ตได้ตั้งแต่วันที่ 7-18 ตุลาคม 2567
solo-lebanon | th | 2024-10-02 | | evacuation-thais-lebanon | 2 | own | | สถานเอกอัครราชทูต ณ กรุงเบรุต ประสานการเดินทางกลับประเทศไทยของคนไทยกลุ่มแรกจำนวน 22 คน | สถานเอกอัครราชทูต ณ กรุงเบรุต ได้ประสานการเดินทางกลับประเทศไทยของคนไทยในเลบานอนกลุ่มแรกจำนวน 22 คน ซึ่งจะเดินทางถึงท่าอากาศยานสุวรรณภูมิในวันที่ 3 ตุลาคม 2567 ¶ ปัจจุบันมีคนไทยในเลบานอนประมาณ 140 คน คนไทยที่ประสงค์จะเดินทางกลับโปรดลงทะเบียนกับสถานเอกอัครราชทูต
B5 | th | 2024-10-03 | | october3presser-th | 4 | banner | | สรุปการแถลงข่าวประจำสัปดาห์ โดยอธิบดีกรมสารนิเทศและโฆษกกระทรวงการต่างประเทศ วันพฤหัสบดีที่ 3 ตุลาคม 2567 | {brief:2024-10-03} ¶ 1. การอพยพคนไทยออกจากเลบานอน กลุ่มแรกจำนวน 22 คนเดินทางถึงประเทศไทยเมื่อวันที่ 3 ตุลาคม 2567 ¶ 2. การเข้าร่วมการประชุมสุดยอดอาเซียน ครั้งที่ 44 และ 45 ของนายกรัฐมนตรี ระหว่างวันที่ 8-11 ตุลาคม 2567 ณ นครเวียงจันทน์
B5 | en | 2024-10-03 | | october3presser-en | 4 | banner | y | Summary of Weekly Press Briefing by Director-General of Department of Information/Spokesperson of MFA Thursday 3 October 2024 at 11.00 hrs. | {brief:2024-10-03} ¶ 1. Evacuation of Thai nationals from Lebanon: the first group of 22 arrived in Thailand on 3 October 2024 ¶ 2. The Prime Minister's attendance at the 44th and 45th ASEAN Summits in Vientiane, 8-11 October 2024
solo-tour | en | 2024-10-04 | | * | 3 | own | | Members of the Diplomatic Corps Join the Ministry's Study Tour to Nan Province | From 2 to 4 October 2024, 35 ambassadors and diplomats based in Bangkok joined a study tour to Nan Province organised by the Ministry of Foreign Affairs. ¶ The participants visited community enterprises and learned about the Sufficiency Economy Philosophy in sustainable forest management.
ADEP | th | 2024-10-08 | | asean-summit-2024 | 2 | = | | นายกรัฐมนตรีเดินทางไปเข้าร่วมการประชุมสุดยอดอาเซียน ครั้งที่ 44 และ 45 ณ นครเวียงจันทน์ สปป. ลาว | ระหว่างวันที่ 8-11 ตุลาคม 2567 นางสาวแพทองธาร ชินวัตร นายกรัฐมนตรี มีกำหนดเดินทางไปเข้าร่วมการประชุมสุดยอดอาเซียน ครั้งที่ 44 และ 45 และการประชุมสุดยอดที่เกี่ยวข้อง ณ นครเวียงจันทน์ สปป. ลาว ภายใต้หัวข้อ “อาเซียน: เสริมสร้างความเชื่อมโยงและความยืดหยุ่น” ¶ นายกรัฐมนตรีจะหารือทวิภาคีกับผู้นำประเทศสมาชิกอาเซียนและประเทศคู่เจรจา และผลักดันการฟื้นฟูเศรษฐกิจภายหลังอุทกภัยในภูมิภาค
ADEP | en | 2024-10-08 | | pm-attends-44th-45th-asean-summits&cate | 2 | = | | Prime Minister to Attend the 44th and 45th ASEAN Summits in Vientiane, Lao PDR | From 8 to 11 October 2024, Ms. Paetongtarn Shinawatra, Prime Minister of Thailand, will attend the 44th and 45th ASEAN Summits and Related Summits in Vientiane, Lao PDR, under the theme “ASEAN: Enhancing Connectivity and Resilience”. ¶ The Prime Minister will hold bilateral meetings with leaders of ASEAN Member States and Dialogue Partners and promote economic recovery in the region after the recent floods.
LAOPM | th | 2024-10-09 | | * | 3 | = | y | นายกรัฐมนตรีหารือทวิภาคีกับนายกรัฐมนตรี สปป. ลาว ในช่วงการประชุมสุดยอดอาเซียน | เมื่อวันที่ 9 ตุลาคม 2567 นางสาวแพทองธาร ชินวัตร นายกรัฐมนตรี ได้หารือทวิภาคีกับนายโสเน็กไซ สีพันดอน นายกรัฐมนตรี สปป. ลาว ณ นครเวียงจันทน์ ¶ ทั้งสองฝ่ายเห็นพ้องเร่งรัดการก่อสร้างสะพานมิตรภาพไทย-ลาว แห่งที่ 5 (บึงกาฬ-บอลิคำไซ) และร่วมมือแก้ไขปัญหาหมอกควันข้ามแดน
LAOPM | en | 2024-10-09 | | * | 1 | = | | Prime Minister Holds Bilateral Meeting with the Prime Minister of the Lao PDR on the Sidelines of the ASEAN Summits | On 9 October 2024, Ms. Paetongtarn Shinawatra, Prime Minister, held a bilateral meeting with Mr. Sonexay Siphandone, Prime Minister of the Lao PDR, in Vientiane. ¶ Both sides agreed to speed up the construction of the 5th Thai-Lao Friendship Bridge (Bueng Kan-Bolikhamxay) and to cooperate on transboundary haze.
solo-vnpm | th | 2024-10-09 | | * | 2 | own | | นายกรัฐมนตรีหารือทวิภาคีกับนายกรัฐมนตรีเวียดนาม ในช่วงการประชุมสุดยอดอาเซียน | เมื่อวันที่ 9 ตุลาคม 2567 นางสาวแพทองธาร ชินวัตร นายกรัฐมนตรี ได้หารือทวิภาคีกับนายฝ่าม มิญ จิ๊ญ นายกรัฐมนตรีเวียดนาม ณ นครเวียงจันทน์ ¶ ทั้งสองฝ่ายตั้งเป้าหมายมูลค่าการค้าระหว่างกัน 25,000 ล้านดอลลาร์สหรัฐ และเห็นพ้องส่งเสริมความร่วมมือด้านการเกษตรและการท่องเที่ยว
solo-apsc | th | 2024-10-09 | | * | 2 | own | | รัฐมนตรีว่าการกระทรวงการต่างประเทศเข้าร่วมการประชุมคณะมนตรีประชาคมการเมืองและความมั่นคงอาเซียน | เมื่อวันที่ 8 ตุลาคม 2567 นายมาริษ เสงี่ยมพงษ์ รัฐมนตรีว่าการกระทรวงการต่างประเทศ เข้าร่วมการประชุมคณะมนตรีประชาคมการเมืองและความมั่นคงอาเซียน ครั้งที่ 29 ณ นครเวียงจันทน์ ¶ รัฐมนตรีฯ ย้ำความสำคัญของการแก้ไขปัญหาอาชญากรรมข้ามชาติและการหลอกลวงทางออนไลน์
B6 | th | 2024-10-10 | | presscon101067 | 3 | banner | | สรุปการแถลงข่าวประจำสัปดาห์ วันพฤหัสบดีที่ 10 ตุลาคม 2567 | {brief:2024-10-10} ¶ 1. ไทยได้รับเลือกตั้งเป็นสมาชิกคณะมนตรีสิทธิมนุษยชนแห่งสหประชาชาติ วาระปี 2568-2570 ด้วยคะแนน 177 เสียง เมื่อวันที่ 9 ตุลาคม 2567 ¶ 2. การหารือทวิภาคีของนายกรัฐมนตรีกับนายกรัฐมนตรี สปป. ลาว และเวียดนาม ในช่วงการประชุมสุดยอดอาเซียน
solo-japan | en | 2024-10-10 | | pm-meets-japanese-pm-ishiba | 2 | own | | Prime Minister Meets the Prime Minister of Japan on the Sidelines of the ASEAN-Japan Summit | On 10 October 2024, Ms. Paetongtarn Shinawatra, Prime Minister, met Mr. Ishiba Shigeru, Prime Minister of Japan, in Vientiane. ¶ Both sides agreed to strengthen the Comprehensive Strategic Partnership, in particular investment in electric vehicles and semiconductors.
AOUT | th | 2024-10-11 | | * | 4 | = | | ผลการเข้าร่วมการประชุมสุดยอดอาเซียน ครั้งที่ 44 และ 45 ของนายกรัฐมนตรี | การประชุมสุดยอดอาเซียน ครั้งที่ 44 และ 45 ระหว่างวันที่ 8-11 ตุลาคม 2567 ณ นครเวียงจันทน์ สปป. ลาว เสร็จสิ้นลงแล้ว โดยนายกรัฐมนตรีได้ผลักดัน 3 ประเด็นสำคัญ ได้แก่ การรับมือภัยพิบัติ ความเชื่อมโยงทางเศรษฐกิจดิจิทัล และสถานการณ์ในเมียนมา ¶ ที่ประชุมได้ส่งมอบตำแหน่งประธานอาเซียนให้แก่มาเลเซีย ซึ่งจะเป็นประธานอาเซียนในปี 2568
AOUT | en | 2024-10-11 | | asean-summit-2024-2 | 4 | = | | Outcomes of the Prime Minister's Attendance at the 44th and 45th ASEAN Summits | The 44th and 45th ASEAN Summits, held in Vientiane, Lao PDR, from 8 to 11 October 2024, have concluded. The Prime Minister advanced three priorities: disaster response, digital economic connectivity and the situation in Myanmar. ¶ The ASEAN Chairmanship was handed over to Malaysia, which will chair ASEAN in 2025.
B6 | en | 2024-10-14 | | weeklypressbriefing101024-eng | 3 | banner:B6-en | | Summary of the Weekly Press Briefing on 10 October 2024 | {brief:2024-10-10} ¶ 1. Thailand was elected to the UN Human Rights Council for 2025-2027 with 177 votes on 9 October 2024 ¶ 2. The Prime Minister's bilateral meetings with the Prime Ministers of the Lao PDR and Viet Nam on the sidelines of the ASEAN Summits
solo-la-community | th | 2024-10-14 | | * | 3 | own | | รัฐมนตรีช่วยว่าการกระทรวงการต่างประเทศพบปะชุมชนไทยในนครลอสแอนเจลิส | ระหว่างวันที่ 12-14 ตุลาคม 2567 นายรัส จาลิจันทร์ รัฐมนตรีช่วยว่าการกระทรวงการต่างประเทศ เดินทางเยือนนครลอสแอนเจลิส และพบปะชุมชนไทยกว่า 300 คน ณ วัดไทยลอสแอนเจลิส ¶ รัฐมนตรีช่วยฯ รับฟังข้อเสนอแนะเกี่ยวกับบริการกงสุลและการส่งเสริมสินค้าไทย
KR | th | 2024-10-15 | | * | 3 | = | | ไทยและสาธารณรัฐเกาหลีจัดการประชุมหารือเชิงยุทธศาสตร์ ครั้งที่ 6 ณ กรุงโซล | เมื่อวันที่ 15 ตุลาคม 2567 ปลัดกระทรวงการต่างประเทศ และรัฐมนตรีช่วยว่าการกระทรวงการต่างประเทศสาธารณรัฐเกาหลี เป็นประธานร่วมการประชุมหารือเชิงยุทธศาสตร์ไทย-สาธารณรัฐเกาหลี ครั้งที่ 6 ณ กรุงโซล ¶ ทั้งสองฝ่ายหารือเรื่องการอำนวยความสะดวกในการเดินทางของนักท่องเที่ยว ความร่วมมือด้านอุตสาหกรรมป้องกันประเทศ และแรงงานไทยในเกาหลีซึ่งมีกว่า 180,000 คน
KR | en | 2024-10-15 | | 670e33c09c41d07a2b1b6e04&cate | 3 | = | | Thailand and the Republic of Korea Hold the 6th Strategic Dialogue in Seoul | On 15 October 2024, the Permanent Secretary for Foreign Affairs of Thailand and the Vice Minister of Foreign Affairs of the Republic of Korea co-chaired the 6th Thailand-Republic of Korea Strategic Dialogue in Seoul. ¶ Both sides discussed travel facilitation for tourists, defence industry cooperation and the more than 180,000 Thai workers in Korea.
solo-youth | th | 2024-10-16 | | 670f36bc9c41d07a2b1b7290 | 2 | own | | กรมสารนิเทศจัดโครงการนักการทูตรุ่นเยาว์สำหรับนักเรียนมัธยมศึกษาตอนปลาย ประจำปี 2567 | เมื่อวันที่ 16 ตุลาคม 2567 กรมสารนิเทศจัดโครงการนักการทูตรุ่นเยาว์ ให้แก่นักเรียนมัธยมศึกษาตอนปลาย 120 คน จาก 40 โรงเรียนทั่วประเทศ ¶ นักเรียนได้เรียนรู้บทบาทของกระทรวงการต่างประเทศและฝึกการเจรจาในสถานการณ์จำลอง
B7 | th | 2024-10-17 | 2024-10-21 | weeklypressbriefing171024 | 3 | banner | | สรุปการแถลงข่าวประจำสัปดาห์โดยอธิบดีกรมสารนิเทศและโฆษกกระทรวงการต่างประเทศ วันที่ 17 ตุลาคม 2567 | {brief:2024-10-17} ¶ 1. การจัดงานสัปดาห์ความร่วมมือแม่โขง-ล้านช้าง ประจำปี 2567 ในวันที่ 18 ตุลาคม 2567 ¶ 2. การเยือนนครลอสแอนเจลิสของรัฐมนตรีช่วยว่าการกระทรวงการต่างประเทศ ระหว่างวันที่ 12-14 ตุลาคม 2567 ¶ หมายเหตุ: แก้ไขชื่อสถานที่จัดงานในข้อ 1 เมื่อวันที่ 21 ตุลาคม 2567
B7 | en | 2024-10-17 | | weeklypressbriefing171024-2 | 3 | banner | | Summary of the Weekly Press Briefing by the Director-General of the Department of Information and MFA Spokesperson on 17 October 2024 | {brief:2024-10-17} ¶ 1. Mekong-Lancang Cooperation Week 2024 on 18 October 2024 ¶ 2. The Deputy Minister of Foreign Affairs' visit to Los Angeles, 12-14 October 2024
solo-prabowo | en | 2024-10-18 | | inauguration-president-indonesia&cate | 3 | reuse:ID | | Minister of Foreign Affairs to Represent the Royal Thai Government at the Inauguration of the President of Indonesia | Mr. Maris Sangiampongsa, Minister of Foreign Affairs, will represent the Royal Thai Government at the inauguration of H.E. Mr. Prabowo Subianto as President of the Republic of Indonesia in Jakarta on 20 October 2024. ¶ Thailand and Indonesia will celebrate the 75th anniversary of diplomatic relations in 2025.
MLC | th | 2024-10-18 | | mlc-week-2024-th | 3 | = | y | กระทรวงการต่างประเทศจัดงานสัปดาห์ความร่วมมือแม่โขง-ล้านช้าง ประจำปี 2567 | เมื่อวันที่ 18 ตุลาคม 2567 กระทรวงการต่างประเทศร่วมกับสถานเอกอัครราชทูตจีนประจำประเทศไทย จัดงานสัปดาห์ความร่วมมือแม่โขง-ล้านช้าง ประจำปี 2567 ณ กรุงเทพฯ ¶ ภายในงานมีการจัดแสดงสินค้าและวัฒนธรรมจาก 6 ประเทศสมาชิก ได้แก่ กัมพูชา จีน ลาว เมียนมา ไทย และเวียดนาม โดยมีผู้เข้าร่วมกว่า 1,500 คน
MLC | en | 2024-10-18 | | mlc-week-2024-en | 3 | = | y | MFA Organises the Mekong-Lancang Cooperation Week 2024 | On 18 October 2024, the Ministry of Foreign Affairs and the Embassy of the People's Republic of China in Thailand organised the Mekong-Lancang Cooperation Week 2024 in Bangkok. ¶ The event showcased products and cultures of the six member countries, namely Cambodia, China, Laos, Myanmar, Thailand and Viet Nam, and drew more than 1,500 participants.
"""


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _splice(own: str, other: str) -> str:
    """``own`` with ``other``'s 3rd gallery photo (characters 4-28): no shared video or inline."""
    return own[:4] + other[4:28] + own[28:]


def _auto_slug(title: str) -> str:
    """The slug the CMS makes from a title: separators to hyphens, cut at 50 characters."""
    return re.sub(r"[\s\-–—.,:;!?'\"“”()/]+", "-", title.lower()).strip("-")[:50].rstrip("-")


def _brief_head(day: date, language: str) -> str:
    if language == "th":
        when = f"{day.day} {THAI_MONTHS_FULL[day.month - 1]} {day.year + 543} เวลา 11.00 น."
        return f"สรุปการแถลงข่าวประจำสัปดาห์ โดยอธิบดีกรมสารนิเทศและโฆษกกระทรวงการต่างประเทศ วันพฤหัสบดีที่ {when} ณ ห้องแถลงข่าว และทาง Facebook Live กระทรวงการต่างประเทศ"
    when = f"{day.day} {EN_MONTHS_FULL[day.month - 1]} {day.year} at 11.00 hrs."
    return f"Summary of the Weekly Press Briefing by the Director-General of the Department of Information and MFA Spokesperson, Thursday {when}, MFA Press Conference Room and MFA FB Live"


def _expand(text: str, language: str) -> str:
    """The text with each ``{brief:DATE}`` replaced by that briefing's header."""
    return re.sub(
        r"\{brief:([\d-]+)\}", lambda m: _brief_head(date.fromisoformat(m[1]), language), text
    )


def _rows() -> list[list[str]]:
    return [[cell.strip() for cell in line.split("|")] for line in _TABLE.strip().splitlines()]


def bilingual_pages() -> tuple[list[Page], list[tuple[str, str]]]:
    """Pages of one bilingual site and the true Thai-English pairs as (th path, en path)."""
    rows = _rows()
    seeds = {key: _sha(key) for key, *_ in rows}
    pages: dict[tuple[str, str], Page] = {}
    links: dict[tuple[str, str], bool] = {}
    for key, lang, imported, updated, slug, photos, seed_spec, link, title, text in rows:
        name, _amp, category = slug.partition("&")
        name = _auto_slug(title) + name[1:] if name.startswith("*") else name
        href = quote(f"/{lang}/content/{name}") + (f"?cate={CATE[lang]}" if category else "")
        if seed_spec == "=":
            seed = seeds[key]
        elif seed_spec.startswith("banner"):
            seed = _splice(_sha(seed_spec.partition(":")[2] or key), BANNER)
        elif seed_spec.startswith("reuse:"):
            seed = _splice(seeds[key], seeds[seed_spec.removeprefix("reuse:")])
        else:
            seed = _sha(href)
        text = _expand(text, lang)
        day = date.fromisoformat(imported)
        assert (key, lang) not in pages, (key, lang)
        pages[key, lang] = Page(
            href=href,
            language=lang,
            title=title,
            imported_raw=format_date(day, lang),
            updated_raw=format_date(date.fromisoformat(updated or imported), lang),
            view_count=int(_sha(href)[:4], 16) % 4000 + 15,
            body=text.split(" ¶ "),
            captions=[CAPTION[lang]] * int(photos),
            template="labels",
            image_seed=seed,
        )
        links[key, lang] = link == "y"
    truth = []
    for (key, lang), page in pages.items():
        other = pages.get((key, "en" if lang == "th" else "th"))
        if other is None:
            continue
        if links[key, lang]:
            page.translation = other.href
        if lang == "th":
            truth.append((page.path, other.path))
    ordered = sorted(pages.values(), key=lambda page: page.sort_date(), reverse=True)
    return ordered, truth
