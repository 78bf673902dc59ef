# ruff: noqa: E501
"""A bilingual embassy site with its true Thai-English translation pairs: held-out test data.

Why: the translation matcher was developed against its own scenario; this is a second,
independently written one (the Royal Thai Embassy, Stockholm; February-May 2024 plus two
pages of Songkran 2023 still on the site), written as an embassy site really publishes, to
score the matcher's precision and recall on evidence it was not tuned on.  Most Thai
pages are notices for the Thai community with no English version; most English pages are
for Swedes (visa, trade, the Ambassador's calls); 14 news items exist in both languages.
The truth is what an archivist reading both texts would say: the same news item.

Photos: gallery picture k of a page is keyed by ``image_seed[2k:2k + 24]`` and its file
name also carries k, so two pages show the same photo URL only when the key and the
position match.  Shared photos: the English page gets the Thai page's seed (same uploads,
English may show only the first n).  Re-uploaded photos: each page its own seed.  The
Ambassador's official portrait (key ``PORTRAIT``) is the third picture of five unrelated
pages (seed[4:28]; their seeds differ in 0-3 and 28-29, so nothing else is shared).

Pairs (th key / en key; days = en published minus th published):

===================  ====  ==================================  =====================  ==========
pair                 days  slugs                               photos                 switch
===================  ====  ==================================  =====================  ==========
songkran23 (2023)    +2    Thai-script / songkran2023          re-uploaded 5 vs 4     none
cred                  0    credentials-th / credentials-en     all 5 shared           both ways
statesec             -7    Thai-script / English title slug    re-uploaded 2 vs 3*    none
seminar               0    Thai-script / English custom        en = first 4 of th 6   none
vacancy               0    Thai-script / English custom        none                   none
holiday_apr           0    Thai-script / English custom        none                   none
mob_malmo            +2    Thai-script / English custom        1 poster each, differ  none
songkran_sth          0    Thai-script / songkran2024          all 6 shared           none
songkran_gbg         +2    Thai-script / songkran2024-2        re-uploaded 5 vs 3     en -> WRONG th (songkran_sth)
thaiselect           -7    Thai-script / thai-select-2024      all 4 shared           none
holiday_may          +1    Thai-script / English custom        none                   none
library               0    Mongo id / another Mongo id         all 3 shared           th -> en only
hrc                   0    hrc2025-2027-th / hrc2025-2027-en   th 1 logo, en none     none
festival              0    thaifestival2024-th / -en           re-uploaded 8 vs 5     none
===================  ====  ==================================  =====================  ==========

(*) statesec_en's third picture is the portrait, shared with teamthailand_th, not its pair.

Distractors: songkran23 vs songkran_sth (same temple, near-identical titles and bodies a
year apart; the Thai 2024 slug is the 2023 one truncated, plus "-2"); songkran_gbg vs
songkran_sth (a week apart, English slug "songkran2024-2", wrong switch); songkran_invite_th
(13 April, same temple, an invitation, not the report); four monthly Thai mobile consular
notices and their Thai reports (only Malmö has an English notice; mob_malmo_rep_th repeats
its dates and mentions the Governor call of governor_en); vacancy_result_th (same position
and dates as the vacancy pair); makha_th, visa_reminder_en (the holiday dates 8 and 15
April of holiday_apr); passport_th and evisa_en (both "from 1 March 2024"); the portrait on
statesec_en, teamthailand_th, lecture_en, governor_en, coronation_th; same-day events
(14 March: seminar and tat_en; 20 April: Gothenburg Songkran and the Malmö service; 29
April: berry_th and holiday_may_th); festival_vol_th and festival_inv_en (both announce
the festival of 18-19 May, for different readers); thaischool_th (books given, like library).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from urllib.parse import quote

from replica.content import Page, format_date

CATE = {"news": "5d7cf2a815e39c1b5c00b3e1", "notice": "5d7cf2a815e39c1b5c00b3e5"}
MENU = "5d7cf2a815e39c1b5c00b3e9"
PORTRAIT = hashlib.sha256(b"ambassador official portrait 2024").hexdigest()[:24]
PAIRS = [
    "songkran23",
    "cred",
    "statesec",
    "seminar",
    "vacancy",
    "holiday_apr",
    "mob_malmo",
    "songkran_sth",
    "songkran_gbg",
    "thaiselect",
    "holiday_may",
    "library",
    "hrc",
    "festival",
]
SAME_PHOTOS = ["cred", "seminar", "songkran_sth", "thaiselect", "library"]
WITH_PORTRAIT = ["statesec_en", "teamthailand_th", "lecture_en", "governor_en", "coronation_th"]


def _slug(title: str, language: str) -> str:
    """The platform's slug of a title: words joined by '-', cut at 50 characters."""
    text = title.lower() if language == "en" else title
    return re.sub(r"[^\w\u0e00-\u0e7f]+", "-", text).strip("-")[:50].strip("-")


def _site() -> dict[str, Page]:
    site: dict[str, Page] = {}

    def add(
        key: str,
        slug: str | None,
        title: str,
        day: date,
        views: int,
        photos: int,
        body: list[str],
        kind: str = "news",
        updated: date | None = None,
        encode: bool = True,
    ) -> None:
        lang = key.rsplit("_", 1)[1]
        slug = slug or _slug(title, lang)
        while any(p.path == f"/{lang}/content/{slug}" for p in site.values()):
            slug += "-2"
        shown = quote(slug) if encode else slug
        query = f"?cate={CATE[kind]}" if kind == "news" else f"?menu={MENU}&page={CATE[kind]}"
        href = f"/{lang}/content/{shown}{query}"
        site[key] = Page(
            href=href,
            language=lang,
            title=title,
            imported_raw=format_date(day, lang),
            updated_raw=format_date(updated or day, lang),
            view_count=views,
            body=body,
            captions=["รูปภาพประกอบ" if lang == "th" else "Images"] * photos,
            template="labels",
            image_seed=hashlib.sha256(href.encode()).hexdigest(),
        )

    # fmt: off
    add("songkran23_th", None, "เอกอัครราชทูต ณ กรุงสตอกโฮล์มร่วมงานประเพณีสงกรานต์ ประจำปี 2566 ณ วัดพุทธาราม", date(2023, 4, 18), 1204, 5,
        ["เมื่อวันที่ 15 เมษายน 2566 นางนันทนา ศิริสุข เอกอัครราชทูต ณ กรุงสตอกโฮล์ม พร้อมด้วยข้าราชการและเจ้าหน้าที่สถานเอกอัครราชทูต เข้าร่วมงานประเพณีสงกรานต์ ประจำปี 2566 ณ วัดพุทธาราม กรุงสตอกโฮล์ม โดยมีชุมชนไทยและชาวสวีเดนเข้าร่วมงานประมาณ 600 คน", "กิจกรรมภายในงานประกอบด้วยการทำบุญตักบาตร พิธีสรงน้ำพระพุทธรูป และรดน้ำขอพรพระสงฆ์ รวมทั้งการแสดงศิลปวัฒนธรรมไทยโดยนักเรียนโรงเรียนภาษาไทยวันอาทิตย์", "ในโอกาสนี้ ฝ่ายกงสุลของสถานเอกอัครราชทูตได้ตั้งโต๊ะให้คำปรึกษาด้านกงสุลแก่คนไทยที่มาร่วมงานด้วย"])
    add("songkran23_en", "songkran2023", "Ambassador attends Songkran Festival 2023 at Wat Buddharam, Stockholm", date(2023, 4, 20), 412, 4,
        ["On 15 April 2023, H.E. Mrs. Nantana Sirisuk, Ambassador of Thailand to Sweden, together with officials of the Royal Thai Embassy, attended the Songkran Festival 2023 at Wat Buddharam in Stockholm. Around 600 members of the Thai community and Swedish friends joined the celebration.", "The festivities included merit making, the bathing of the Buddha image and the pouring of water on the hands of the monks to ask for blessings, as well as Thai cultural performances by pupils of the Thai Sunday School.", "The Consular Section of the Embassy also provided consular advice to Thai nationals attending the event."], updated=date(2024, 3, 12))
    add("passport_th", None, "การยื่นคำร้องขอหนังสือเดินทางต้องนัดหมายล่วงหน้าผ่านระบบออนไลน์", date(2024, 2, 2), 3310, 0,
        ["ตั้งแต่วันที่ 1 มีนาคม 2567 เป็นต้นไป ผู้ประสงค์จะยื่นคำร้องขอหนังสือเดินทางที่สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม จะต้องนัดหมายล่วงหน้าผ่านระบบนัดหมายออนไลน์เท่านั้น", "กรุณานำหนังสือเดินทางเล่มเดิม บัตรประจำตัวประชาชน และเอกสารแสดงการพำนักในสวีเดนมาในวันนัดหมาย ค่าธรรมเนียมหนังสือเดินทาง 420 โครนาสวีเดน ชำระด้วยบัตรเท่านั้น"], kind="notice")
    add("mob_gbg_th", None, "กงสุลสัญจร ณ เมืองโกเธนเบิร์ก วันที่ 24-25 กุมภาพันธ์ 2567", date(2024, 2, 5), 1876, 1,
        ["สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม จะจัดหน่วยกงสุลสัญจรไปให้บริการแก่คนไทยในเมืองโกเธนเบิร์กและพื้นที่ใกล้เคียง ระหว่างวันที่ 24-25 กุมภาพันธ์ 2567 เวลา 09.00-16.00 น. ณ วัดไทยโกเธนเบิร์ก", "บริการที่ให้ ได้แก่ การทำหนังสือเดินทาง การทำบัตรประจำตัวประชาชน การจดทะเบียนการเกิด และนิติกรณ์ต่าง ๆ ผู้ประสงค์จะขอรับบริการกรุณาลงทะเบียนล่วงหน้าทางเว็บไซต์ภายในวันที่ 16 กุมภาพันธ์ 2567 รับจำนวนจำกัด 150 คน"], kind="notice")
    add("cred_th", "credentials-th", "นายชาญวิทย์ รัตนโกศล เอกอัครราชทูต ณ กรุงสตอกโฮล์ม ถวายพระราชสาสน์ตราตั้งแด่สมเด็จพระเจ้าคาร์ลที่ 16 กุสตาฟ", date(2024, 2, 8), 2045, 5,
        ["เมื่อวันที่ 7 กุมภาพันธ์ 2567 นายชาญวิทย์ รัตนโกศล เอกอัครราชทูต ณ กรุงสตอกโฮล์ม ได้เข้าเฝ้าฯ สมเด็จพระเจ้าคาร์ลที่ 16 กุสตาฟ พระมหากษัตริย์แห่งราชอาณาจักรสวีเดน เพื่อถวายพระราชสาสน์ตราตั้งในฐานะเอกอัครราชทูตวิสามัญผู้มีอำนาจเต็มแห่งราชอาณาจักรไทยประจำราชอาณาจักรสวีเดน ณ พระราชวังหลวง กรุงสตอกโฮล์ม", "ในโอกาสนี้ เอกอัครราชทูตได้กราบบังคมทูลถึงความสัมพันธ์อันใกล้ชิดระหว่างสองราชวงศ์ และความร่วมมือระหว่างไทยกับสวีเดนซึ่งมีมายาวนานกว่า 150 ปี", "ภายหลังพิธี เอกอัครราชทูตพร้อมด้วยภริยาได้ลงนามในสมุดเยี่ยม ณ พระราชวังหลวง"])
    add("cred_en", "credentials-en", "Ambassador Chanwit Rattanakosol presents Letters of Credence to His Majesty King Carl XVI Gustaf of Sweden", date(2024, 2, 8), 688, 5,
        ["On 7 February 2024, H.E. Mr. Chanwit Rattanakosol presented his Letters of Credence to His Majesty King Carl XVI Gustaf of Sweden as Ambassador Extraordinary and Plenipotentiary of the Kingdom of Thailand to the Kingdom of Sweden at the Royal Palace in Stockholm.", "On this occasion, the Ambassador conveyed the close ties between the two Royal Families and the cooperation between Thailand and Sweden, which dates back more than 150 years.", "After the ceremony, the Ambassador and his spouse signed the guest book at the Royal Palace."])
    add("winter_th", None, "แจ้งเตือนคนไทยในสวีเดนระมัดระวังสภาพอากาศหนาวจัดและหิมะตกหนัก", date(2024, 2, 12), 954, 0,
        ["สถาบันอุตุนิยมวิทยาและอุทกวิทยาแห่งสวีเดน (SMHI) ได้ประกาศเตือนภัยระดับสีส้มเนื่องจากหิมะตกหนักและอุณหภูมิที่อาจลดลงถึง -30 องศาเซลเซียสในภาคเหนือของสวีเดน ระหว่างวันที่ 12-16 กุมภาพันธ์ 2567", "สถานเอกอัครราชทูตขอให้คนไทยติดตามข่าวสารอย่างใกล้ชิด หลีกเลี่ยงการเดินทางโดยไม่จำเป็น และหากได้รับความเดือดร้อน สามารถติดต่อหมายเลขโทรศัพท์ฉุกเฉิน +46 70 123 45 67"], kind="notice")
    add("evisa_en", "thai-e-visa", "Thai e-Visa: all visa applications to be submitted online", date(2024, 2, 15), 5120, 0,
        ["From 1 March 2024, all applications for Thai visas made in Sweden must be submitted through the official Thai e-Visa website, thaievisa.go.th. The Embassy will no longer accept paper applications at its counter.", "Applicants should apply at least 15 working days before travelling. Fees are paid online and are non-refundable. Holders of Swedish passports travelling for tourism for up to 30 days do not require a visa."], kind="notice")
    add("makha_th", None, "ประกาศวันหยุดทำการ เนื่องในวันมาฆบูชา", date(2024, 2, 19), 402, 0,
        ["สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม ขอแจ้งว่า สถานเอกอัครราชทูตจะปิดทำการในวันจันทร์ที่ 26 กุมภาพันธ์ 2567 (ชดเชยวันมาฆบูชา) และจะเปิดทำการตามปกติในวันอังคารที่ 27 กุมภาพันธ์ 2567", "กรณีเร่งด่วนหรือมีเหตุฉุกเฉิน กรุณาติดต่อหมายเลขโทรศัพท์ฉุกเฉินของสถานเอกอัครราชทูต +46 70 123 45 67"], kind="notice")
    add("statesec_en", None, "Ambassador calls on the State Secretary for Foreign Trade of Sweden", date(2024, 2, 21), 301, 3,
        ["On 20 February 2024, H.E. Mr. Chanwit Rattanakosol, Ambassador of Thailand to Sweden, paid a courtesy call on Ms. Karin Lindqvist, State Secretary to the Minister for International Development Cooperation and Foreign Trade, at the Ministry for Foreign Affairs of Sweden.", "The two sides discussed ways to strengthen trade and investment between Thailand and Sweden, including the negotiations on the Thailand–EU Free Trade Agreement, green technology and the Thai–Swedish business seminar to be held in March 2024.", "Bilateral trade between Thailand and Sweden amounted to about 1.9 billion US dollars in 2023."])
    add("statesec_th", None, "เอกอัครราชทูต ณ กรุงสตอกโฮล์มเข้าเยี่ยมคารวะรัฐมนตรีช่วยว่าการด้านการค้าต่างประเทศของสวีเดน", date(2024, 2, 28), 517, 2,
        ["เมื่อวันที่ 20 กุมภาพันธ์ 2567 นายชาญวิทย์ รัตนโกศล เอกอัครราชทูต ณ กรุงสตอกโฮล์ม ได้เข้าเยี่ยมคารวะนางสาวคาริน ลินด์ควิสต์ รัฐมนตรีช่วยว่าการ (State Secretary) ด้านความร่วมมือเพื่อการพัฒนาระหว่างประเทศและการค้าต่างประเทศ ณ กระทรวงการต่างประเทศสวีเดน", "ทั้งสองฝ่ายได้หารือแนวทางส่งเสริมการค้าและการลงทุนระหว่างไทยกับสวีเดน รวมถึงการเจรจาความตกลงการค้าเสรีไทย-สหภาพยุโรป เทคโนโลยีสีเขียว และการสัมมนาธุรกิจไทย-สวีเดนที่จะจัดขึ้นในเดือนมีนาคม 2567", "ในปี 2566 การค้าระหว่างไทยกับสวีเดนมีมูลค่าประมาณ 1,900 ล้านดอลลาร์สหรัฐ"])
    add("mob_gbg_rep_th", None, "ผลการให้บริการกงสุลสัญจร ณ เมืองโกเธนเบิร์ก", date(2024, 2, 28), 733, 4,
        ["ระหว่างวันที่ 24-25 กุมภาพันธ์ 2567 นายปกรณ์ ศรีสวัสดิ์ กงสุล พร้อมด้วยเจ้าหน้าที่ฝ่ายกงสุล ได้เดินทางไปให้บริการกงสุลสัญจร ณ วัดไทยโกเธนเบิร์ก โดยมีผู้มารับบริการทั้งสิ้น 148 คน", "แบ่งเป็นการทำหนังสือเดินทาง 97 ราย บัตรประจำตัวประชาชน 31 ราย และนิติกรณ์ 20 ราย สถานเอกอัครราชทูตขอขอบคุณวัดไทยโกเธนเบิร์กและอาสาสมัครชุมชนไทยที่ให้ความช่วยเหลือ"])
    add("teamthailand_th", None, "เอกอัครราชทูตเป็นประธานการประชุมทีมประเทศไทยประจำสวีเดน ครั้งที่ 1/2567", date(2024, 2, 29), 288, 3,
        ["เมื่อวันที่ 27 กุมภาพันธ์ 2567 นายชาญวิทย์ รัตนโกศล เอกอัครราชทูต ณ กรุงสตอกโฮล์ม เป็นประธานการประชุมทีมประเทศไทยประจำสวีเดน ครั้งที่ 1/2567 ณ สถานเอกอัครราชทูต โดยมีผู้แทนสำนักงานการท่องเที่ยวแห่งประเทศไทย สำนักงานส่งเสริมการลงทุน และสำนักงานที่ปรึกษาการเกษตร เข้าร่วม", "ที่ประชุมได้หารือแผนการดำเนินงานประจำปี 2567 ได้แก่ การสัมมนาธุรกิจในเดือนมีนาคม เทศกาลไทยในเดือนพฤษภาคม และการส่งเสริมร้านอาหารไทยที่ได้รับตรา Thai SELECT"])
    add("mob_umea_th", None, "กงสุลสัญจร ณ เมืองอูเมโอ วันที่ 16-17 มีนาคม 2567", date(2024, 3, 1), 1102, 1,
        ["สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม จะจัดหน่วยกงสุลสัญจรไปให้บริการแก่คนไทยในเมืองอูเมโอและภาคเหนือของสวีเดน ระหว่างวันที่ 16-17 มีนาคม 2567 เวลา 09.00-16.00 น. ณ ห้องประชุมห้องสมุดเมืองอูเมโอ (Umeå Stadsbibliotek)", "บริการที่ให้ ได้แก่ การทำหนังสือเดินทาง การทำบัตรประจำตัวประชาชน การจดทะเบียนการเกิด และนิติกรณ์ต่าง ๆ ผู้ประสงค์จะขอรับบริการกรุณาลงทะเบียนล่วงหน้าทางเว็บไซต์ภายในวันที่ 8 มีนาคม 2567 รับจำนวนจำกัด 80 คน"], kind="notice")
    add("scam_th", None, "ระวังมิจฉาชีพแอบอ้างเป็นเจ้าหน้าที่สถานเอกอัครราชทูต", date(2024, 3, 6), 2689, 0,
        ["สถานเอกอัครราชทูตได้รับแจ้งว่ามีบุคคลโทรศัพท์แอบอ้างเป็นเจ้าหน้าที่สถานเอกอัครราชทูต แจ้งว่าผู้รับสายมีพัสดุผิดกฎหมายหรือมีคดีค้างอยู่ที่ประเทศไทย และขอให้โอนเงินเพื่อตรวจสอบ", "สถานเอกอัครราชทูตไม่มีนโยบายโทรศัพท์เรียกเก็บเงินหรือขอข้อมูลบัญชีธนาคาร หากได้รับสายลักษณะดังกล่าว กรุณาวางสายและแจ้งสถานเอกอัครราชทูตที่หมายเลข +46 8 791 73 40"], kind="notice")
    add("lecture_en", None, "Ambassador gives a lecture on Thailand–Sweden relations at Stockholm University", date(2024, 3, 8), 244, 3,
        ["On 6 March 2024, H.E. Mr. Chanwit Rattanakosol, Ambassador of Thailand to Sweden, gave a lecture entitled “Thailand and Sweden: More than 150 Years of Friendship” to students and researchers of the Department of Asian, Middle Eastern and Turkish Studies at Stockholm University.", "The Ambassador outlined Thailand’s foreign policy priorities, its role in ASEAN and the growing cooperation with Sweden in trade, education and sustainable development, followed by a question-and-answer session with some 60 participants."])
    add("tat_en", None, "TAT and the Embassy host “Amazing Thailand” travel trade workshop in Stockholm", date(2024, 3, 14), 356, 4,
        ["On 14 March 2024, the Tourism Authority of Thailand (TAT) Stockholm Office, in cooperation with the Royal Thai Embassy, hosted the “Amazing Thailand” travel trade workshop at the Clarion Hotel Sign, bringing together 25 Thai tourism operators and more than 150 Swedish travel agents.", "Ms. Waralee Thongsuk, Minister Counsellor, represented the Embassy and welcomed the participants. Sweden remains one of Thailand’s largest source markets in the Nordic region, with over 400,000 Swedish visitors in 2023."])
    add("seminar_th", None, "สถานเอกอัครราชทูตจัดสัมมนาธุรกิจ Thailand: Your Gateway to ASEAN ณ กรุงสตอกโฮล์ม", date(2024, 3, 15), 621, 6,
        ["เมื่อวันที่ 14 มีนาคม 2567 สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม ร่วมกับสำนักงานคณะกรรมการส่งเสริมการลงทุน (BOI) และ Business Sweden จัดการสัมมนา “Thailand: Your Gateway to ASEAN” ณ โรงแรม Grand Hôtel กรุงสตอกโฮล์ม โดยมีผู้แทนภาคธุรกิจสวีเดนเข้าร่วมกว่า 120 คน", "นายชาญวิทย์ รัตนโกศล เอกอัครราชทูต กล่าวเปิดการสัมมนา และผู้แทน BOI ได้นำเสนอมาตรการส่งเสริมการลงทุนในอุตสาหกรรมยานยนต์ไฟฟ้า พลังงานสะอาด และเศรษฐกิจชีวภาพ-เศรษฐกิจหมุนเวียน-เศรษฐกิจสีเขียว (BCG)", "ภายในงานยังมีการนำเสนอประสบการณ์ของบริษัทสวีเดนที่ลงทุนในไทย และการหารือธุรกิจแบบตัวต่อตัว"])
    add("seminar_en", "thailand-your-gateway-to-asean", "Embassy hosts business seminar “Thailand: Your Gateway to ASEAN” in Stockholm", date(2024, 3, 15), 874, 4,
        ["On 14 March 2024, the Royal Thai Embassy in Stockholm, together with the Thailand Board of Investment (BOI) and Business Sweden, organised the seminar “Thailand: Your Gateway to ASEAN” at the Grand Hôtel Stockholm. More than 120 representatives of Swedish companies attended.", "Ambassador Chanwit Rattanakosol delivered the opening remarks, and BOI representatives presented investment incentives for electric vehicles, clean energy and the Bio-Circular-Green (BCG) economy.", "The programme also featured the experiences of Swedish companies investing in Thailand and one-on-one business consultations."])
    add("vacancy_th", None, "ประกาศรับสมัครลูกจ้างท้องถิ่น ตำแหน่งผู้ช่วยเจ้าหน้าที่ฝ่ายกงสุล", date(2024, 3, 18), 1530, 0,
        ["สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม ประสงค์จะรับสมัครบุคคลเพื่อจ้างเป็นลูกจ้างท้องถิ่น ตำแหน่งผู้ช่วยเจ้าหน้าที่ฝ่ายกงสุล จำนวน 1 อัตรา อัตราค่าจ้างเดือนละ 32,000 โครนาสวีเดน", "คุณสมบัติ: มีสัญชาติไทยหรือสวีเดน หรือมีใบอนุญาตพำนักในสวีเดน สำเร็จการศึกษาไม่ต่ำกว่าปริญญาตรี และมีทักษะภาษาไทย ภาษาอังกฤษ และภาษาสวีเดนในระดับดี", "ผู้สนใจกรุณาส่งใบสมัครพร้อมประวัติย่อมาที่ recruitment@thaiembassy.se ภายในวันที่ 12 เมษายน 2567 สถานเอกอัครราชทูตจะประกาศรายชื่อผู้มีสิทธิ์สอบในวันที่ 19 เมษายน 2567"], kind="notice")
    add("vacancy_en", "vacancy-consular-assistant", "Vacancy: Local Staff (Consular Assistant)", date(2024, 3, 18), 962, 0,
        ["The Royal Thai Embassy in Stockholm is seeking to recruit one local staff member for the position of Consular Assistant. The monthly salary is SEK 32,000.", "Qualifications: Thai or Swedish nationality, or a valid Swedish residence permit; at least a bachelor’s degree; a good command of Thai, English and Swedish.", "Interested applicants should send an application and CV to recruitment@thaiembassy.se by 12 April 2024. The list of shortlisted candidates will be announced on 19 April 2024."], kind="notice")
    add("mob_umea_rep_th", None, "ผลการให้บริการกงสุลสัญจร ณ เมืองอูเมโอ", date(2024, 3, 20), 498, 3,
        ["ระหว่างวันที่ 16-17 มีนาคม 2567 นายปกรณ์ ศรีสวัสดิ์ กงสุล พร้อมด้วยเจ้าหน้าที่ฝ่ายกงสุล ได้เดินทางไปให้บริการกงสุลสัญจร ณ เมืองอูเมโอ โดยมีผู้มารับบริการทั้งสิ้น 74 คน", "แบ่งเป็นการทำหนังสือเดินทาง 49 ราย บัตรประจำตัวประชาชน 15 ราย และนิติกรณ์ 10 ราย สถานเอกอัครราชทูตขอขอบคุณห้องสมุดเมืองอูเมโอที่เอื้อเฟื้อสถานที่"])
    add("thaischool_th", None, "เอกอัครราชทูตเยี่ยมชมโรงเรียนภาษาไทยวันอาทิตย์ ณ กรุงสตอกโฮล์ม", date(2024, 3, 25), 377, 4,
        ["เมื่อวันที่ 24 มีนาคม 2567 นายชาญวิทย์ รัตนโกศล เอกอัครราชทูต ณ กรุงสตอกโฮล์ม ได้เยี่ยมชมการเรียนการสอนของโรงเรียนภาษาไทยวันอาทิตย์ ณ วัดพุทธาราม ซึ่งมีนักเรียนลูกครึ่งไทย-สวีเดนกว่า 45 คน", "ในโอกาสนี้ เอกอัครราชทูตได้มอบหนังสือแบบเรียนภาษาไทยและอุปกรณ์การเรียนแก่โรงเรียน และขอบคุณครูอาสาสมัครที่ช่วยสืบทอดภาษาและวัฒนธรรมไทยแก่เยาวชนไทยในสวีเดน"])
    add("holiday_apr_th", None, "ประกาศวันหยุดทำการ เนื่องในเทศกาลอีสเตอร์ วันจักรี และเทศกาลสงกรานต์ 2567", date(2024, 3, 27), 845, 0,
        ["สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม ขอแจ้งว่า สถานเอกอัครราชทูตจะปิดทำการในวันศุกร์ที่ 29 มีนาคม และวันจันทร์ที่ 1 เมษายน 2567 (เทศกาลอีสเตอร์) วันจันทร์ที่ 8 เมษายน 2567 (ชดเชยวันจักรี) และวันจันทร์ที่ 15 เมษายน 2567 (วันสงกรานต์)", "สถานเอกอัครราชทูตจะเปิดทำการตามปกติในวันอังคารที่ 16 เมษายน 2567 กรณีฉุกเฉิน กรุณาติดต่อ +46 70 123 45 67"], kind="notice")
    add("holiday_apr_en", "embassy-closed-april-2024", "Embassy closed for Easter, Chakri Memorial Day and Songkran", date(2024, 3, 27), 630, 0,
        ["Please be informed that the Royal Thai Embassy in Stockholm will be closed on Friday 29 March and Monday 1 April 2024 (Easter), Monday 8 April 2024 (substitution for Chakri Memorial Day) and Monday 15 April 2024 (Songkran Festival).", "The Embassy will resume normal working hours on Tuesday 16 April 2024. In case of emergency, please call +46 70 123 45 67."], kind="notice")
    add("mob_malmo_th", None, "กงสุลสัญจร ณ เมืองมัลเมอ วันที่ 20-21 เมษายน 2567", date(2024, 4, 1), 2214, 1,
        ["สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม จะจัดหน่วยกงสุลสัญจรไปให้บริการแก่คนไทยในเมืองมัลเมอและภาคใต้ของสวีเดน ระหว่างวันที่ 20-21 เมษายน 2567 เวลา 09.00-16.00 น. ณ สมาคมไทยในเมืองมัลเมอ", "บริการที่ให้ ได้แก่ การทำหนังสือเดินทาง การทำบัตรประจำตัวประชาชน การจดทะเบียนการเกิด และนิติกรณ์ต่าง ๆ ผู้ประสงค์จะขอรับบริการกรุณาลงทะเบียนล่วงหน้าทางเว็บไซต์ภายในวันที่ 12 เมษายน 2567 รับจำนวนจำกัด 180 คน ทั้งนี้ ไม่รับคำร้องขอวีซ่า"], kind="notice")
    add("songkran_invite_th", None, "ขอเชิญร่วมงานประเพณีสงกรานต์ ประจำปี 2567 ณ วัดพุทธาราม กรุงสตอกโฮล์ม", date(2024, 4, 2), 1391, 1,
        ["สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม ร่วมกับวัดพุทธาราม ขอเชิญชุมชนไทยร่วมงานประเพณีสงกรานต์ ประจำปี 2567 ในวันเสาร์ที่ 13 เมษายน 2567 ตั้งแต่เวลา 10.00 น. เป็นต้นไป ณ วัดพุทธาราม กรุงสตอกโฮล์ม", "ภายในงานมีพิธีทำบุญตักบาตร สรงน้ำพระ รดน้ำขอพรผู้สูงอายุ การแสดงศิลปวัฒนธรรม และซุ้มอาหารไทย ทั้งนี้ ฝ่ายกงสุลจะตั้งโต๊ะให้คำปรึกษาด้านกงสุล (ไม่รับคำร้องทำหนังสือเดินทาง)"], kind="notice")
    add("mob_malmo_en", "mobile-consular-service-in-malmo", "Mobile Consular Service in Malmö, 20–21 April 2024", date(2024, 4, 3), 310, 1,
        ["The Royal Thai Embassy in Stockholm will provide a mobile consular service for Thai nationals in Malmö and southern Sweden on 20–21 April 2024, 09.00–16.00 hrs., at the Thai Association in Malmö.", "Services include passport applications, Thai ID cards, birth registration and legalisation of documents. Applicants are requested to register online by 12 April 2024; places are limited to 180. Visa applications are not accepted at the mobile consular service."], kind="notice")
    add("visa_reminder_en", None, "Visa services during the Easter and Songkran holidays", date(2024, 4, 5), 417, 0,
        ["As the Embassy will be closed on 8 and 15 April 2024, Thai e-Visa applications submitted between 5 and 16 April 2024 may take longer than the usual 15 working days to process.", "Travellers planning to visit Thailand for Songkran are encouraged to check whether they need a visa. Swedish passport holders may stay up to 30 days without a visa for tourism."], kind="notice")
    add("songkran_sth_th", None, "เอกอัครราชทูต ณ กรุงสตอกโฮล์มร่วมงานประเพณีสงกรานต์ ประจำปี 2567 ณ วัดพุทธาราม", date(2024, 4, 16), 1688, 6,
        ["เมื่อวันที่ 13 เมษายน 2567 นายชาญวิทย์ รัตนโกศล เอกอัครราชทูต ณ กรุงสตอกโฮล์ม พร้อมด้วยภริยา ข้าราชการและเจ้าหน้าที่สถานเอกอัครราชทูต เข้าร่วมงานประเพณีสงกรานต์ ประจำปี 2567 ณ วัดพุทธาราม กรุงสตอกโฮล์ม โดยมีชุมชนไทยและชาวสวีเดนเข้าร่วมงานประมาณ 800 คน", "กิจกรรมภายในงานประกอบด้วยการทำบุญตักบาตร พิธีสรงน้ำพระพุทธรูป รดน้ำขอพรผู้สูงอายุ และการแสดงรำไทยโดยนักเรียนโรงเรียนภาษาไทยวันอาทิตย์", "เอกอัครราชทูตได้กล่าวขอบคุณชุมชนไทยที่ร่วมกันสืบสานประเพณีสงกรานต์ ซึ่งได้รับการขึ้นทะเบียนเป็นมรดกวัฒนธรรมที่จับต้องไม่ได้ของยูเนสโกเมื่อเดือนธันวาคม 2566 และฝ่ายกงสุลได้ตั้งโต๊ะให้คำปรึกษาด้านกงสุลแก่ผู้มาร่วมงานด้วย"])
    add("songkran_sth_en", "songkran2024", "Ambassador joins Songkran Festival 2024 at Wat Buddharam, Stockholm", date(2024, 4, 16), 705, 6,
        ["On 13 April 2024, H.E. Mr. Chanwit Rattanakosol, Ambassador of Thailand to Sweden, and his spouse, together with officials of the Royal Thai Embassy, joined the Songkran Festival 2024 at Wat Buddharam in Stockholm, attended by some 800 members of the Thai community and Swedish friends.", "The celebration included merit making, the bathing of the Buddha image, the pouring of water on the hands of elders for blessings, and Thai dance performances by pupils of the Thai Sunday School.", "The Ambassador thanked the Thai community for preserving the Songkran tradition, inscribed on UNESCO’s list of Intangible Cultural Heritage in December 2023. The Consular Section also provided consular advice to participants."])
    add("vacancy_result_th", None, "ประกาศรายชื่อผู้มีสิทธิ์สอบคัดเลือกลูกจ้างท้องถิ่น ตำแหน่งผู้ช่วยเจ้าหน้าที่ฝ่ายกงสุล", date(2024, 4, 19), 811, 0,
        ["ตามที่สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม ได้ประกาศรับสมัครลูกจ้างท้องถิ่น ตำแหน่งผู้ช่วยเจ้าหน้าที่ฝ่ายกงสุล เมื่อวันที่ 18 มีนาคม 2567 นั้น บัดนี้ การรับสมัครได้สิ้นสุดลงเมื่อวันที่ 12 เมษายน 2567 มีผู้มีสิทธิ์สอบจำนวน 6 ราย", "ขอให้ผู้มีสิทธิ์สอบมาสอบข้อเขียนและสัมภาษณ์ในวันศุกร์ที่ 26 เมษายน 2567 เวลา 10.00 น. ณ สถานเอกอัครราชทูต โดยนำหนังสือเดินทางหรือบัตรประจำตัวมาแสดง"], kind="notice")
    add("governor_en", None, "Ambassador pays a courtesy call on the Governor of Skåne County", date(2024, 4, 22), 198, 3,
        ["On 19 April 2024, H.E. Mr. Chanwit Rattanakosol, Ambassador of Thailand to Sweden, paid a courtesy call on Mr. Anders Holm, Governor of Skåne County, in Malmö.", "The Ambassador thanked the Governor for the County’s support to the some 6,000 Thai nationals living in Skåne, and the two discussed cooperation in tourism, education and the seasonal work of Thai berry pickers in Sweden."])
    add("songkran_gbg_th", None, "อัครราชทูตที่ปรึกษาร่วมงานประเพณีสงกรานต์ ณ วัดไทยโกเธนเบิร์ก", date(2024, 4, 22), 604, 5,
        ["เมื่อวันที่ 20 เมษายน 2567 นางสาววราลี ทองสุข อัครราชทูตที่ปรึกษา เป็นผู้แทนสถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม เข้าร่วมงานประเพณีสงกรานต์ ณ วัดไทยโกเธนเบิร์ก ซึ่งจัดโดยวัดไทยโกเธนเบิร์กร่วมกับสมาคมไทยในเมืองโกเธนเบิร์ก มีผู้เข้าร่วมงานประมาณ 350 คน", "ภายในงานมีพิธีทำบุญตักบาตร สรงน้ำพระ และการประกวดนางสงกรานต์ ทั้งนี้ อัครราชทูตที่ปรึกษาได้มอบของที่ระลึกแก่ผู้ชนะการประกวดและขอบคุณอาสาสมัครชุมชนไทย"])
    add("mob_malmo_rep_th", None, "ผลการให้บริการกงสุลสัญจร ณ เมืองมัลเมอ", date(2024, 4, 23), 925, 4,
        ["ระหว่างวันที่ 20-21 เมษายน 2567 นายปกรณ์ ศรีสวัสดิ์ กงสุล พร้อมด้วยเจ้าหน้าที่ฝ่ายกงสุล ได้เดินทางไปให้บริการกงสุลสัญจร ณ สมาคมไทยในเมืองมัลเมอ โดยมีผู้มารับบริการทั้งสิ้น 176 คน", "ในโอกาสนี้ นายชาญวิทย์ รัตนโกศล เอกอัครราชทูต ได้เดินทางไปพบปะชุมชนไทยในเมืองมัลเมอ และก่อนหน้านั้นเมื่อวันที่ 19 เมษายน 2567 ได้เข้าเยี่ยมคารวะนายอันเดอร์ส โฮล์ม ผู้ว่าการมณฑลสโกเน เพื่อขอบคุณที่ดูแลคนไทยในพื้นที่"])
    add("songkran_gbg_en", "songkran2024", "Minister Counsellor attends Songkran celebration at Wat Thai Göteborg", date(2024, 4, 24), 233, 3,
        ["On 20 April 2024, Ms. Waralee Thongsuk, Minister Counsellor, represented the Royal Thai Embassy at the Songkran celebration at Wat Thai Göteborg, organised by the temple and the Thai Association in Gothenburg, with around 350 participants.", "The programme included merit making, the bathing of the Buddha image and a Miss Songkran contest. The Minister Counsellor presented souvenirs to the winners and thanked the volunteers of the Thai community."])
    add("thaiselect_en", "thai-select-2024", "Ambassador presents Thai SELECT certificates to Thai restaurants in Stockholm", date(2024, 4, 26), 540, 4,
        ["On 25 April 2024, H.E. Mr. Chanwit Rattanakosol, Ambassador of Thailand to Sweden, presented Thai SELECT certificates to eight Thai restaurants in Stockholm, recognising their authentic Thai taste and quality ingredients.", "The ceremony was held at the Ambassador’s residence and was followed by a tasting of dishes prepared by the chefs of the awarded restaurants. There are now 27 Thai SELECT restaurants in Sweden."])
    add("berry_th", None, "แจ้งเตือนแรงงานไทยที่ประสงค์จะเดินทางมาเก็บผลไม้ป่าในสวีเดน ฤดูกาล 2567", date(2024, 4, 29), 4420, 0,
        ["สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม ขอแจ้งเตือนแรงงานไทยที่ประสงค์จะเดินทางมาเก็บผลไม้ป่าในสวีเดนในฤดูกาล 2567 (เดือนกรกฎาคม-กันยายน) ให้เดินทางผ่านบริษัทจัดหางานที่ได้รับอนุญาตจากกรมการจัดหางานเท่านั้น และตรวจสอบให้สัญญาจ้างระบุค่าจ้างไม่ต่ำกว่าที่ทางการสวีเดนกำหนด", "แรงงานต้องได้รับใบอนุญาตทำงาน (work permit) ก่อนเดินทาง และไม่ควรจ่ายค่าใช้จ่ายใด ๆ เกินกว่าที่กฎหมายกำหนด หากประสบปัญหาระหว่างทำงานในสวีเดน ติดต่อสถานเอกอัครราชทูตได้ที่หมายเลขฉุกเฉิน +46 70 123 45 67"], kind="notice")
    add("holiday_may_th", None, "ประกาศวันหยุดทำการ เดือนพฤษภาคม 2567", date(2024, 4, 29), 566, 0,
        ["สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม จะปิดทำการในวันพุธที่ 1 พฤษภาคม 2567 (วันแรงงานสวีเดน) วันจันทร์ที่ 6 พฤษภาคม 2567 (ชดเชยวันฉัตรมงคล) วันพฤหัสบดีที่ 9 พฤษภาคม 2567 (วันเสด็จขึ้นสวรรค์ ซึ่งเป็นวันหยุดของสวีเดน) และวันพุธที่ 22 พฤษภาคม 2567 (วันวิสาขบูชา)", "กรณีฉุกเฉิน กรุณาติดต่อ +46 70 123 45 67"], kind="notice")
    add("holiday_may_en", "embassy-holidays-may-2024", "Embassy holidays in May 2024", date(2024, 4, 30), 389, 0,
        ["The Royal Thai Embassy in Stockholm will be closed on Wednesday 1 May 2024 (May Day), Monday 6 May 2024 (substitution for Coronation Day), Thursday 9 May 2024 (Ascension Day) and Wednesday 22 May 2024 (Visakha Bucha Day).", "In case of emergency, please call +46 70 123 45 67."], kind="notice")
    add("mob_lulea_th", None, "กงสุลสัญจร ณ เมืองลูเลโอ วันที่ 25-26 พฤษภาคม 2567", date(2024, 5, 2), 687, 1,
        ["สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม จะจัดหน่วยกงสุลสัญจรไปให้บริการแก่คนไทยในเมืองลูเลโอและพื้นที่ใกล้เคียง ระหว่างวันที่ 25-26 พฤษภาคม 2567 เวลา 09.00-16.00 น. ณ โรงแรม Clarion Hotel Sense เมืองลูเลโอ", "บริการที่ให้ ได้แก่ การทำหนังสือเดินทาง การทำบัตรประจำตัวประชาชน และนิติกรณ์ต่าง ๆ ผู้ประสงค์จะขอรับบริการกรุณาลงทะเบียนล่วงหน้าทางเว็บไซต์ภายในวันที่ 17 พฤษภาคม 2567 รับจำนวนจำกัด 60 คน"], kind="notice", encode=False)
    add("thaiselect_th", None, "เอกอัครราชทูตมอบตราสัญลักษณ์ Thai SELECT แก่ร้านอาหารไทยในกรุงสตอกโฮล์ม", date(2024, 5, 3), 472, 4,
        ["เมื่อวันที่ 25 เมษายน 2567 นายชาญวิทย์ รัตนโกศล เอกอัครราชทูต ณ กรุงสตอกโฮล์ม ได้มอบตราสัญลักษณ์ Thai SELECT แก่ร้านอาหารไทยในกรุงสตอกโฮล์ม จำนวน 8 ร้าน เพื่อรับรองความเป็นอาหารไทยแท้และการใช้วัตถุดิบคุณภาพ", "พิธีมอบจัดขึ้น ณ ทำเนียบเอกอัครราชทูต และมีการชิมอาหารที่ปรุงโดยพ่อครัวของร้านที่ได้รับตรา ปัจจุบันมีร้านอาหารไทยในสวีเดนที่ได้รับตรา Thai SELECT แล้ว 27 ร้าน"])
    add("festival_vol_th", None, "ขอเชิญชุมชนไทยร่วมเป็นอาสาสมัครงานเทศกาลไทย (Thai Festival) ณ กรุงสตอกโฮล์ม 2567", date(2024, 5, 3), 903, 1,
        ["สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม จะจัดงานเทศกาลไทย (Thai Festival Stockholm 2024) ระหว่างวันที่ 18-19 พฤษภาคม 2567 ณ สวนสาธารณะ Kungsträdgården ใจกลางกรุงสตอกโฮล์ม", "สถานเอกอัครราชทูตขอเชิญชุมชนไทยที่สนใจร่วมเป็นอาสาสมัครช่วยงานด้านการแสดงทางวัฒนธรรม การสาธิตอาหาร และการต้อนรับผู้เข้าชมงาน กรุณาสมัครภายในวันที่ 10 พฤษภาคม 2567"], kind="notice")
    add("coronation_th", None, "สถานเอกอัครราชทูตจัดพิธีถวายพระพรชัยมงคล เนื่องในโอกาสวันฉัตรมงคล 4 พฤษภาคม 2567", date(2024, 5, 6), 433, 4,
        ["เมื่อวันที่ 4 พฤษภาคม 2567 นายชาญวิทย์ รัตนโกศล เอกอัครราชทูต ณ กรุงสตอกโฮล์ม นำข้าราชการ เจ้าหน้าที่ และผู้แทนชุมชนไทย ร่วมพิธีถวายพระพรชัยมงคล เนื่องในโอกาสวันฉัตรมงคล ณ สถานเอกอัครราชทูต", "ภายหลังพิธี ผู้เข้าร่วมได้ร่วมกันลงนามถวายพระพรและร่วมปลูกต้นไม้ในบริเวณสถานเอกอัครราชทูต"])
    add("festival_inv_en", "thai-festival-stockholm-2024", "Thai Festival Stockholm 2024 at Kungsträdgården, 18–19 May", date(2024, 5, 8), 2870, 1,
        ["The Royal Thai Embassy in Stockholm invites everyone to the Thai Festival Stockholm 2024 at Kungsträdgården on Saturday 18 and Sunday 19 May 2024, 11.00–19.00 hrs. Admission is free.", "Visitors can enjoy Thai food, Muay Thai and Thai dance performances, a Thai massage corner and products from Thailand. The festival is organised with the support of Team Thailand agencies and the Thai community in Sweden."])
    add("library_th", "6641a3f2c1d4e85b7a09e3c2", "สถานเอกอัครราชทูตมอบหนังสือภาษาไทยแก่ห้องสมุดนานาชาติกรุงสตอกโฮล์ม", date(2024, 5, 10), 356, 3,
        ["เมื่อวันที่ 8 พฤษภาคม 2567 นางสาววราลี ทองสุข อัครราชทูตที่ปรึกษา ได้มอบหนังสือภาษาไทยจำนวน 300 เล่ม ซึ่งได้รับการสนับสนุนจากกระทรวงวัฒนธรรม แก่ห้องสมุดนานาชาติ (Internationella biblioteket) กรุงสตอกโฮล์ม เพื่อให้บริการแก่คนไทยและผู้สนใจภาษาไทยในสวีเดน", "หนังสือดังกล่าวประกอบด้วยวรรณกรรมไทย หนังสือสำหรับเด็ก และแบบเรียนภาษาไทย โดยห้องสมุดจะนำขึ้นชั้นให้ยืมได้ตั้งแต่เดือนมิถุนายน 2567"])
    add("library_en", "6641a5b8c1d4e85b7a09e3d7", "Embassy donates Thai books to the International Library in Stockholm", date(2024, 5, 10), 207, 3,
        ["On 8 May 2024, Ms. Waralee Thongsuk, Minister Counsellor, handed over 300 Thai books, supported by the Ministry of Culture of Thailand, to the International Library (Internationella biblioteket) in Stockholm for Thai readers and those interested in the Thai language in Sweden.", "The collection includes Thai literature, children’s books and Thai language textbooks, and will be available for loan from June 2024."])
    add("hrc_th", "hrc2025-2027-th", "ประเทศไทยสมัครรับเลือกตั้งเป็นสมาชิกคณะมนตรีสิทธิมนุษยชนแห่งสหประชาชาติ วาระปี 2568-2570", date(2024, 5, 15), 265, 1,
        ["ประเทศไทยได้สมัครรับเลือกตั้งเป็นสมาชิกคณะมนตรีสิทธิมนุษยชนแห่งสหประชาชาติ (HRC) วาระปี ค.ศ. 2025-2027 ซึ่งการเลือกตั้งจะมีขึ้นที่สมัชชาสหประชาชาติ ณ นครนิวยอร์ก ในเดือนตุลาคม 2567", "ประเทศไทยมุ่งส่งเสริมและคุ้มครองสิทธิมนุษยชนผ่านความร่วมมือและการหารืออย่างสร้างสรรค์ โดยให้ความสำคัญกับประเด็นสาธารณสุขระดับโลก สิทธิของกลุ่มเปราะบาง และการพัฒนาที่ยั่งยืน"])
    add("hrc_en", "hrc2025-2027-en", "Thailand’s candidature for membership of the UN Human Rights Council for the term 2025–2027", date(2024, 5, 15), 191, 0,
        ["Thailand is a candidate for membership of the United Nations Human Rights Council (HRC) for the term 2025–2027. The election will take place at the UN General Assembly in New York in October 2024.", "Thailand is committed to promoting and protecting human rights through cooperation and constructive dialogue, with a focus on global health, the rights of vulnerable groups and sustainable development."])
    add("festival_th", "thaifestival2024-th", "งานเทศกาลไทย Thai Festival Stockholm 2024 ณ สวน Kungsträdgården ประสบความสำเร็จอย่างดียิ่ง", date(2024, 5, 21), 1733, 8,
        ["ระหว่างวันที่ 18-19 พฤษภาคม 2567 สถานเอกอัครราชทูต ณ กรุงสตอกโฮล์ม ร่วมกับหน่วยงานทีมประเทศไทยและชุมชนไทยในสวีเดน จัดงานเทศกาลไทย Thai Festival Stockholm 2024 ณ สวนสาธารณะ Kungsträdgården โดยมีผู้เข้าชมงานตลอดสองวันประมาณ 45,000 คน", "นายชาญวิทย์ รัตนโกศล เอกอัครราชทูต เป็นประธานในพิธีเปิดงานร่วมกับนางมาเรีย เอคลุนด์ รองนายกเทศมนตรีกรุงสตอกโฮล์ม ภายในงานมีการแสดงมวยไทย รำไทย ร้านอาหารไทย 30 ร้าน และการสาธิตนวดไทย", "สถานเอกอัครราชทูตขอขอบคุณอาสาสมัครชุมชนไทยกว่า 60 คนที่ช่วยให้งานสำเร็จลุล่วง"], updated=date(2024, 5, 24))
    add("festival_en", "thaifestival2024-en", "Thai Festival Stockholm 2024 draws 45,000 visitors to Kungsträdgården", date(2024, 5, 21), 1266, 5,
        ["On 18–19 May 2024, the Royal Thai Embassy in Stockholm, together with Team Thailand agencies and the Thai community in Sweden, organised the Thai Festival Stockholm 2024 at Kungsträdgården, welcoming some 45,000 visitors over the weekend.", "Ambassador Chanwit Rattanakosol opened the festival with Ms. Maria Eklund, Deputy Mayor of Stockholm. The programme featured Muay Thai and Thai dance performances, 30 Thai food stalls and Thai massage demonstrations.", "The Embassy thanks the more than 60 volunteers from the Thai community who made the festival a success."])
    add("visakha_th", None, "เอกอัครราชทูตร่วมพิธีเวียนเทียนเนื่องในวันวิสาขบูชา ณ วัดพุทธาราม", date(2024, 5, 23), 318, 3,
        ["เมื่อวันที่ 22 พฤษภาคม 2567 นายชาญวิทย์ รัตนโกศล เอกอัครราชทูต ณ กรุงสตอกโฮล์ม พร้อมด้วยภริยาและข้าราชการสถานเอกอัครราชทูต ร่วมพิธีเวียนเทียนเนื่องในวันวิสาขบูชา ณ วัดพุทธาราม กรุงสตอกโฮล์ม", "พุทธศาสนิกชนชาวไทยและชาวสวีเดนกว่า 200 คนร่วมฟังพระธรรมเทศนาและเวียนเทียนรอบพระอุโบสถ"])
    add("alumni_en", None, "Ambassador hosts reception for Swedish alumni of Thai universities", date(2024, 5, 28), 176, 3,
        ["On 27 May 2024, H.E. Mr. Chanwit Rattanakosol, Ambassador of Thailand to Sweden, hosted a reception at his residence for about 40 Swedish alumni of Thai universities and exchange programmes.", "The Ambassador encouraged the alumni to serve as a bridge between the two countries and announced the launch of a Thailand–Sweden alumni network."])
    add("mob_lulea_rep_th", None, "ผลการให้บริการกงสุลสัญจร ณ เมืองลูเลโอ", date(2024, 5, 29), 281, 3,
        ["ระหว่างวันที่ 25-26 พฤษภาคม 2567 นายปกรณ์ ศรีสวัสดิ์ กงสุล พร้อมด้วยเจ้าหน้าที่ฝ่ายกงสุล ได้เดินทางไปให้บริการกงสุลสัญจร ณ เมืองลูเลโอ โดยมีผู้มารับบริการทั้งสิ้น 58 คน", "ผู้มารับบริการส่วนใหญ่เป็นคนไทยที่ทำงานและพำนักในภาคเหนือของสวีเดน สถานเอกอัครราชทูตมีกำหนดจัดกงสุลสัญจรครั้งต่อไป ณ เมืองโกเธนเบิร์ก ในเดือนสิงหาคม 2567"])
    # fmt: on
    return site


def bilingual_pages() -> tuple[list[Page], list[tuple[str, str]]]:
    """Pages of one bilingual embassy site and the true Thai-English pairs as (th path, en path)."""
    site = _site()
    for name in SAME_PHOTOS:  # the English page shows the Thai page's uploads
        site[f"{name}_en"].image_seed = site[f"{name}_th"].image_seed
    for key in WITH_PORTRAIT:  # the same portrait, third picture, nothing else shared
        seed = site[key].image_seed
        site[key].image_seed = seed[:4] + PORTRAIT + seed[28:]
    site["cred_th"].translation = site["cred_en"].href
    site["cred_en"].translation = site["cred_th"].href
    site["library_th"].translation = site["library_en"].href
    site["songkran_gbg_en"].translation = site["songkran_sth_th"].href  # copied page, stale switch
    pages = sorted(site.values(), key=Page.sort_date, reverse=True)
    pairs = [(site[f"{name}_th"].path, site[f"{name}_en"].path) for name in PAIRS]
    return pages, pairs
