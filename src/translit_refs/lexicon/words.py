"""Word lists the layout rules consult: places, state abbreviations, months, seasons.

The marker words and abbreviations the grammar reads live in ``grammars/lexicon.lark`` (``lexicon.patterns``).
"""

from __future__ import annotations

import re
from functools import lru_cache


def _entries(block: str) -> frozenset[str]:
    """One entry per ';'-separated item, white space trimmed."""
    return frozenset(item.strip() for item in block.replace("\n", ";").split(";") if item.strip())


#: Publishing places as printed in reference lists, with the standard abbreviations of
#: Russian lists (M. = Moscow, L. = London/Leningrad, SPb. = St Petersburg), in Latin and Cyrillic.
PLACES: frozenset[str] = _entries(
    """
    Moscow; Moskow; Moskva; M.; Mn.; SPb.; St. Petersburg; Saint Petersburg; Sankt-Peterburg; Leningrad; L.;
    Kiev; Kyiv; Minsk; Novosibirsk; Ekaterinburg; Yekaterinburg; Kazan; Tomsk; Obninsk; Nizhny Novgorod;
    Nizhnii Novgorod; Rostov-on-Don; Rostov-na-Donu; Podolsk; Podol’sk; Elektrostal; Protvino; Troitsk;
    Zarechny; Novovoronezh; Sosnovyy Bor; Kolomna; Zelenograd; Korolev; Khimki; Reutov; Zhukovsky;
    Samara; Saratov; Voronezh; Irkutsk; Krasnoyarsk; Perm; Omsk;
    Chelyabinsk; Ufa; Vladivostok; Dubna; Sarov; Snezhinsk; Dimitrovgrad; Seversk; Zheleznogorsk;
    Sosnovy Bor; Ivanovo; Odessa; Odesa; Kharkov; Kharkiv; Lviv; Dnepropetrovsk; Ulyanovsk; Ul’yanovsk;
    Barnaul; Kaliningrad; Murmansk; Arkhangelsk; Petrozavodsk; Yaroslavl; Tver; Tula; Kaluga; Ryazan;
    Penza; Izhevsk; Orenburg; Tyumen; Khabarovsk; Yakutsk; Sevastopol; Krasnodar; Volgograd; Astrakhan;
    Belgorod; Kursk; Smolensk; Pskov; Vologda; Kirov; Tolyatti; Kemerovo; Novokuznetsk; Magnitogorsk;
    Tashkent; Almaty; Alma-Ata; Astana; Kurchatov; Bishkek; Baku; Yerevan; Tbilisi; Chisinau;
    Riga; Vilnius; Tallinn; Warsaw; Krakow; Prague; Brno; Bratislava; Budapest; Bucharest; Sofia;
    Belgrade; Zagreb; Ljubljana; Athens; Istanbul; Ankara; Vienna; Berlin; Munich; Hamburg; Frankfurt;
    Leipzig; Dresden; Stuttgart; Cologne; Bonn; Hannover; Karlsruhe; Garching; Julich; Jülich;
    Aachen; Darmstadt; Heidelberg; Weinheim; Göttingen; Paris; Lyon; Grenoble; Marseille; Toulouse;
    Strasbourg; Saclay; Cadarache; Rome; Milan; Turin; Bologna; Florence; Naples; Pisa; Venice; Ispra;
    Madrid; Barcelona; Valencia; Lisbon; Amsterdam; Rotterdam; Delft; Eindhoven; Leiden; Petten;
    Utrecht; The Hague; Brussels; Antwerp; Mol; Leuven; Luxembourg; Geneva; Zurich; Basel; Bern;
    Lausanne; Villigen; Stockholm; Uppsala; Oslo; Copenhagen; Helsinki; Espoo; London; Oxford;
    Cambridge; Edinburgh; Glasgow; Manchester; Bristol; Birmingham; Sheffield; Liverpool; Duxford;
    Kidlington; Dublin; New York; NY; N. Y.; NYC; Washington; Boston; Chicago; Philadelphia; Baltimore;
    Pittsburgh; Princeton; New Haven; Stanford; Berkeley; Los Angeles; San Francisco; San Diego;
    Seattle; Albuquerque; Los Alamos; Livermore; Houston; Atlanta; Denver; Detroit; Ann Arbor;
    Toronto; Montreal; Ottawa; Vancouver; Chalk River; Sydney; Melbourne; Canberra; Tokyo; Osaka;
    Kyoto; Tsukuba; Tokai; Beijing; Shanghai; Harbin; Seoul; Daejeon; Taipei; Singapore; Hong Kong;
    Delhi; New Delhi; Mumbai; Bombay; Kalpakkam; Tehran; Jerusalem; Tel Aviv; Cairo; Amherst;
    Ithaca; Lanham; Westport; Bloomington; Santa Barbara; Santa Monica; Boulder; Middletown;
    New Brunswick; Armonk; Abingdon; Basingstoke; Houndmills; Dordrecht; Cham; Hoboken; Chichester;
    Oak Ridge; Argonne; Idaho Falls; Richland; Upton; Englewood Cliffs; Upper Saddle River; Reading;
    Boca Raton; New Jersey; Providence; Zürich; Wiesbaden; Tübingen; Freiburg; Würzburg; Mainz; Münster;
    Bielefeld; Opladen; Paderborn; Weimar; Bamberg; Nürnberg; Nuremberg; Düsseldorf; Bremen; Kiel; Potsdam;
    Groningen; Nijmegen; Dnipro; Zaporizhzhia; Vinnytsia; Poltava; Chernihiv; Sumy; Ternopil; Lutsk;
    Uzhhorod; Chernivtsi; Ivano-Frankivsk; Mykolaiv; Kherson; Zhytomyr; Rivne; Cherkasy; Khmelnytskyi;
    Hrodna; Grodno; Homel; Gomel; Vitebsk; Brest; Mogilev; Nur-Sultan; Karaganda; Shymkent; Aktobe;
    Pavlodar; Ust-Kamenogorsk; Semey; Blagoveshchensk; Chernogolovka; Pushchino; Apatity; Syktyvkar;
    Makhachkala; Nalchik; Stavropol; Cheboksary; Saransk; Tambov; Lipetsk; Bryansk; Orel; Kostroma;
    Veliky Novgorod; Cherepovets; Surgut; Novocherkassk; Taganrog; Abakan; Ulan-Ude; Chita; Yuzhno-Sakhalinsk;
    Magadan; Norilsk; Kurgan; Vladikavkaz; Naberezhnye Chelny
    М.; Мн.; Москва; СПб.; Санкт-Петербург; Л.; Ленинград; Киев; Минск; Новосибирск; Екатеринбург; Казань;
    Томск; Обнинск; Н. Новгород; Нижний Новгород; Ростов-на-Дону; Самара; Саратов; Воронеж; Иркутск;
    Красноярск; Пермь; Омск; Челябинск; Уфа; Владивосток; Дубна; Саров; Снежинск; Димитровград;
    Северск; Иваново; Одесса; Харьков; Ульяновск; Барнаул; Калининград; Мурманск; Ярославль; Тула;
    Калуга; Тверь; Алматы; Курчатов; Ташкент; Ереван; Тбилиси; Рига; Вильнюс; Таллин; Рязань; Пенза;
    Ижевск; Оренбург; Тюмень; Хабаровск; Якутск; Севастополь; Краснодар; Волгоград; Астрахань; Белгород;
    Курск; Смоленск; Псков; Вологда; Киров; Тольятти; Кемерово; Новокузнецк; Магнитогорск; Петрозаводск;
    Архангельск; Подольск; Протвино; Троицк; Королёв; Королев; Химки; Электросталь; Зеленоград;
    Нововоронеж; Сосновый Бор; Коломна; Жуковский; Железногорск; Бишкек; Баку; Кишинёв; Кишинев; Львов;
    Днепропетровск; Варшава; Прага; Берлин; Париж; Лондон; Вена; Нью-Йорк; Вашингтон; Астана; Сыктывкар;
    Ростов н/Д; Нальчик; Махачкала; Владикавказ; Ставрополь; Чебоксары; Йошкар-Ола; Саранск; Тамбов;
    Липецк; Брянск; Орёл; Орел; Владимир; Кострома; Иваново; Великий Новгород; Череповец; Сургут; Томск
    К.; Х.; Київ; Харків; Львів; Одеса; Дніпро; Дніпропетровськ; Запоріжжя; Вінниця; Полтава; Чернігів; Суми;
    Житомир; Ужгород; Тернопіль; Луцьк; Рівне; Херсон; Миколаїв; Черкаси; Чернівці; Івано-Франківськ; Хмельницький;
    Кривий Ріг; Кропивницький; Мінск; Гомель; Гродна; Брэст; Віцебск; Магілёў; Гродно; Брест; Витебск; Могилёв
    """
)

_PLACE_FOLDS = re.compile(r"[’'ʹ]|(?<=[a-z])(?:ij|iy|yj|ii|yi|yy|y)\b")


@lru_cache(maxsize=8192)
def place_key(name: str) -> str:
    """A place's name folded over the transliterations of its Russian spelling
    ("Nizhnij Novgorod", "Nizhny Novgorod", "Nizhnii Novgorod"; "Kazan’", "Kazan"; "New-York", "New York")."""
    folded = _PLACE_FOLDS.sub(lambda m: "" if m.group() in "’'ʹ" else "i", name.strip().lower())
    return folded.replace("-", " ")  # "New-York", "Rostov-na-Donu"


#: Countries, and the state abbreviations that follow a place ("Cambridge, MA", "Washington, D. C.").
REGIONS: frozenset[str] = _entries(
    """
    DC; D. C.; D.C.; MA; Mass.; CT; Conn.; NJ; N. J.; CA; Calif.; IL; Ill.; MD; Md.; NC; N. C.;
    PA; Pa.; TX; VA; Va.; WA; CO; Colo.; MI; Mich.; MN; OH; IN; NY; N. Y.; TN; Tenn.; NM; FL; GA; UT;
    RI; R.I.; NH; ME; VT; WI; IA; MO; KY; LA; AL; AZ; OR; NV; OK; KS; NE; SC; WV; HI; AK; ID; MT; WY;
    ND; SD; DE; MS; AR; BC; ON; QC;
    UK; U.K.; USA; U.S.A.; US; Russia; Russian Federation; RF; England; Scotland; Great Britain;
    United Kingdom; Germany; France; Italy; Spain; Portugal; Switzerland; Austria; Belgium;
    the Netherlands; Netherlands; Luxembourg; Sweden; Norway; Finland; Denmark; Poland; Czech Republic;
    Czechia; Slovakia; Hungary; Romania; Bulgaria; Serbia; Croatia; Slovenia; Greece; Turkey; Ireland;
    Ukraine; Belarus; Kazakhstan; Uzbekistan; Armenia; Georgia; Azerbaijan; Lithuania; Latvia; Estonia;
    Israel; Iran; Egypt; Japan; China; PRC; Korea; South Korea; Republic of Korea; Taiwan; India;
    Pakistan; Singapore; Malaysia; Indonesia; Vietnam; Canada; Mexico; Brazil; Argentina; Chile;
    Australia; New Zealand; South Africa; Россия; РФ;
    Alabama; Arizona; California; Colorado; Connecticut; Florida; Idaho; Illinois; Indiana; Maryland;
    Massachusetts; Michigan; Minnesota; New Mexico; New York State; North Carolina; Ohio; Oregon;
    Pennsylvania; South Carolina; Tennessee; Texas; Utah; Virginia; Washington State; Wisconsin;
    Ontario; Quebec; Bavaria; Lower Saxony
    """
)

#: The regions named in full, countries and states (not "MA", "Calif."), and "USA", "UK": a town's
#: sentence may end with one ("Nara, Japan", "Tsuruga, Fukui, Japan").
COUNTRIES: frozenset[str] = frozenset(
    {"USA", "UK", "U.K.", "U.S.A.", "RF"}
    | {region for region in REGIONS if len(region) > 3 and not region.endswith(".") and region[0].isupper()}
)

#: Places by their folded names (``place_key``).
PLACE_KEYS: frozenset[str] = frozenset(map(place_key, PLACES))

#: Endings of a publisher's name ("Energoatomizdat Publ.", "Simon & Schuster Inc.", "Harvard Univ. Press").
PUBLISHER_ENDINGS: tuple[str, ...] = (
    "Publ.", "Publs.", "Publ", "Publishers", "Publisher", "Publishing", "Publishing House", "Press", "Verlag",
    "Inc.", "Inc", "Ltd", "Ltd.", "LLC", "GmbH", "Co.", "& Sons", "Books", "Editions", "Izdat", "izdat",
    "Izd-vo", "Изд-во", "издат", " UP",
)  # fmt: skip

#: Publishing houses that Russian lists print without a "Publ." ("Moscow, Nauka, 1985").
PUBLISHERS: frozenset[str] = _entries(
    """
    Nauka; Mir; Atomizdat; Energoatomizdat; Energoizdat; Energiya; Energija; Mashinostroenie;
    Mashinostroyeniye; Metallurgiya; Metallurgija; Vysshaya shkola; Vysshaja shkola; Fizmatlit; Fizmatgiz;
    Gostekhizdat; Khimiya; Khimija; Standartinform; IzdAt; Znanie; Sovetskaya entsiklopediya; Nauka i Tekhnika;
    Springer; Springer-Verlag; Elsevier; Wiley; John Wiley & Sons; Pergamon; Pergamon Press; Academic Press;
    CRC Press; McGraw-Hill; Prentice Hall; Addison-Wesley; World Scientific; Woodhead; Taylor & Francis;
    Routledge; IAEA; OECD; OECD/NEA; NEA; IEEE; ASME; ANS; AIP; IOP; MIT Press; Wiley-VCH; Birkhäuser;
    Наука; Мир; Атомиздат; Энергоатомиздат; Энергоиздат; Энергия; Машиностроение; Металлургия;
    Высшая школа; Физматлит; Физматгиз; Химия; Стандартинформ; ИздАт; Знание
    """
)

#: Stems every conference word holds, to skip the regular expression for the sentences that hold none.
CONFERENCE_STEMS: tuple[str, ...] = (
    "conf", "konf", "symp", "meeting", "workshop", "congress", "seminar", "forum", "summit", "colloquium",
    "convention", "конференц", "конф", "симпозиум", "семинар", "совещани", "форум", "конгресс", "съезд",
)  # fmt: skip
#: Stems every institution word holds (see ``CONFERENCE_STEMS``).
INSTITUTION_STEMS: tuple[str, ...] = (
    "laborator", "institut", "cent", "zentrum", "univ", "agency", "commission", "committee", "council",
    "corporation", "company", "association", "ministry", "dept", "department", "academ", "akademi", "concern",
    "bank", "fund", "organi", "society", "service", "office", "bureau", "agentstvo", "fond", "universyt", "instytut",
    "университет", "институт", "центр", "агентств", "комисси", "комитет", "министерств",
)  # fmt: skip

#: Words that make a sentence an institution's name, so a publisher of reports and standards
#: ("Los Alamos National Laboratory", "Forschungszentrum Jülich", "U.S. Nuclear Regulatory Commission");
#: matched against the lowercased sentence.
INSTITUTION_WORDS = re.compile(
    r"\b(?:laborator\w*|institut\w*|center|centre|zentrum|universit\w*|univ\.|agency|commission|committee|"
    r"council|corporation|company|association|ministry|department|dept|academy|akademi\w*|concern|"
    r"bank|fund|organi[sz]ation|society|service|office|bureau|universytet\w*|instytut\w*|"
    r"университет\w*|институт\w*|центр\w*|агентств\w*|комисси\w*|комитет\w*|министерств\w*)"
)

#: A sentence opening with one of these is a conference's proceedings or abstracts
#: ("Proc. of …", "V trudakh …", "Trudy …", "Материалы …").
PROCEEDINGS_CUES: tuple[str, ...] = (
    "Proc.", "Proceedings", "Proceeding", "Trudy", "Trudi", "V trudakh", "V trudah", "Materialy", "Materialakh",
    "Tezisy", "Doklady", "Abstracts", "Book of Abstracts", "Труды", "Материалы", "Тезисы", "Доклады",
)  # fmt: skip
#: A sentence opening with one of these is a collection of papers ("Sbornik …", "In Collection «…»").
COLLECTION_CUES: tuple[str, ...] = ("Sbornik", "Sb.", "Collection", "In Collection", "Collected", "Сборник", "Сб.")
#: A collection named as such after other words: "Nauchno-tekhnicheskii sbornik «…»", "… сборник научных трудов".
COLLECTION_WORDS = re.compile(
    r"\b(?:[Ss]bornik|[Сс]борник)\s(?:[a-zа-яё]++\s)*?(?:«|trudov|nauchnykh|nauchnyh|трудов|научных|статей)"
)
#: A sentence that is only an organisation's name: capitalised words ending with the word that makes
#: it an organisation, perhaps "of"/"for" and more capitalised words; or an acronym of 2–8 capitals.
ORGANISATION_NAME = re.compile(
    r"(?:[A-Z][\w’'&-]*+\s|[A-Z]\.(?:[A-Z]\.)++\s){0,5}(?:[A-Z][\w’'&]*+-)?"
    r"(?:Academy|Administration|Agency|Alliance|Association|Authority|Bank|Board|Bureau|Center|"
    r"Centre|Commission|Committee|Consortium|Council|Corporation|Department|Federation|Foundation|Fund|Group|"
    r"Institute|Institut|Instituto|Istituto|Institution|Laboratory|Ministry|Museum|Network|Observatory|"
    r"Office|Organi[sz]ation|Programme|Project|Secretariat|Service|Society|Survey|Trust|Union|University)"
    r"(?:\s(?:of|for|on|für|de|des|du|della|di)(?:\sthe)?(?:\s[A-Z][\w’'&-]*+|\sand(?=\s[A-Z])){1,6}){0,2}"
    # a government body named in Russian or Ukrainian, or transliterated ("Ministerstvo zdravookhraneniya Rossiiskoi
    # Federatsii", "Федеральная служба государственной статистики", "Міністерство юстиції України")
    r"|(?:Ministerstvo|Министерство|Міністерство|Federal['’]naya\ssluzhba|Федеральная\sслужба|Federal['’]noe\sagentstvo"
    r"|Федеральное\sагентство|Tsentr|Центр)(?!\s(?:i|и|і|and|ta|та|da)\s)(?:\s[^\s.,;:]++){1,6}"
    r"|(?:Verkhovn(?:yi|yy|ii)|Konstytutsiin(?:yi|yy)|Верховн(?:ий|ый)|Конституційний|Конституционный)\s(?:Sud|Суд)"
    r"(?:\s[^\s.,;:]++){0,3}"
    # a national or state body named in Ukrainian, Russian or Belarusian ("Національний банк України")
    r"|(?:Національн(?:ий|а)|Национальн(?:ый|ая)|Нацыянальн(?:ы|ая)|Державн(?:ий|а)|Государственн(?:ый|ая))\s"
    r"(?:банк|служба|агентство|агенція|комісія|комиссия|бібліотека|библиотека|архів|архив|архіў)(?:\s[^\s.,;:]++){0,4}"
    # a German body ("Statistisches Bundesamt", "Statistisches Landesamt Sachsen", "Deutscher Wetterdienst")
    r"|(?:[A-ZÄÖÜ][\wäöüß-]*+\s){0,3}[A-ZÄÖÜ][\wäöüß-]*(?:amt|ministerium|anstalt|dienst|institut|verband|behörde)"
    r"(?:\s[A-ZÄÖÜ][\wäöüß-]*+){0,3}"
)
#: An organisation's acronym ("OECD", "UNESCO"): one only before a date in parentheses, as "FBIS. 1950."
#: and "FRUS. 1950." are titles.
#: A Cyrillic letter (the basic Cyrillic block: Russian, Ukrainian, Belarusian, …).
CYRILLIC_LETTER = re.compile(r"[Ѐ-ӿ]")
#: Letters of the Ukrainian alphabet that Russian has not ("Львів", "Київ", "Європа", "ґанок"), not next to
#: a Latin letter or a digit (there "ў" or "є" is a character set's mistake: "Konceptualўnye", "1.5єC").
UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ](?<![A-Za-z\d][іїєґІЇЄҐ])(?![A-Za-z\d])")
#: The letter of the Belarusian alphabet that neither Russian nor Ukrainian has ("ў"), likewise.
BELARUSIAN_LETTERS = re.compile(r"[ўЎ](?<![A-Za-z\d][ўЎ])(?![A-Za-z\d])")
#: Letters only Ukrainian writes of those ("ї", "є", "ґ"; "і" Belarusian writes too).
UKRAINIAN_ONLY_LETTERS = re.compile(r"[їєґЇЄҐ](?<![A-Za-z\d][їєґЇЄҐ])(?![A-Za-z\d])")
#: Letters Belarusian and Russian write and Ukrainian not: beside "і", a Belarusian text's ("Гісторыя", "вучэб").
NOT_UKRAINIAN_LETTERS = re.compile(r"[ыэЫЭ]")
ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,8}")
#: A law, a decree, an order: its kind, then "от"/"of" and its date ("Федеральный закон от 29.12.2012
#: № 273-ФЗ", "федер. закон от …", "Federal Law of 29.12.2014 No. 473-FZ", "Postanovlenie … ot 14.07.2005").
#: The date a law's kind comes before: "от 29.12.2012", "від 9 лютого", "of 14.07.2005".
#: The word before a law's date ("от", "від", "ot", "vid", "of").
LEGISLATION_OF = r"(?:от|від|ад|ot|vid|of)"
LEGISLATION_DATE = re.compile(LEGISLATION_OF + r"\s\d{1,2}[.\s]")
#: Words of a book series' name ("Grad. Texts in Math.", "Lecture Notes in Math.", "Adv. Stud. Pure Math."): such a
#: name with a volume, an imprint and no pages is the series of a book, not its container.
SERIES_NAME = re.compile(
    r"\b(?:Lecture\sNotes|Texts|Studies|Series|Monographs|Surveys|Memoirs|Contemp\.\sMath|Adv\.\sStud|"
    r"Oper\.\sTheory|Progr\.|Progress\sin|Transl\.|Translations|Sympos\.|Grundlehren|Ergeb\.|Appl\.\sMath\.\sSci)"
)
#: A newspaper's name, by the words newspapers are named with ("The New York Times", "Financial Times", "Kommersant",
#: "Pravda", "Uchitel'skaya gazeta", "Юридична газета"); with a day's date the work is a newspaper's article.
NEWSPAPER_NAME = re.compile(
    r"(?:The\s)?(?:[A-ZА-ЯЁІЇЄҐЎ][\w’'.-]*+\s){0,3}?(?:Times|Post|Gazette|Guardian|Herald|Tribune|Observer|"
    r"Telegraph|Independent|Kommersant|Vedomosti|Izvesti(?:ia|ya|a)|Pravda|Zviazda|Zvezda|[Gg]azeta|[Gg]azette|"
    r"Коммерсантъ?|Ведомости|Известия|Правда|Звязда|[Гг]азета)"
)
#: A word naming a kind of legal act in an English title ("Criminal Code of …", "Law of the Republic of …").
LEGISLATION_KIND = re.compile(
    r"\b(?:Law|Code|Constitution|Act|Decree|Resolution|Order|Regulation|Directive|Covenant|Convention|Treaty|Charter)\b"
)
#: The kinds of acts that open a law's title in any language the lists print ("Федеральный закон", "Zakon Ukrainy").
LEGISLATION_WORDS = (
    r"(?i:закон|постановлени[ея]|постанова|указ|наказ|приказ|распоряжени[ея]|розпорядження|кодекс|zakon|"
    r"postanovleni[ey]|postanova|nakaz|rozporiadzhennia|ukaz|prikaz|rasporyazheni[ey]|kodeks|federal\s+law|law|decree|"
    r"пастанова|загад|кодэкс)"
)
#: A law's title opened by its kind, its name in quotation marks at its end ("Федеральный закон «О персональных
#: данных»"): the name is the title.
LEGISLATION_NAMED = re.compile(
    rf"(?:[^\s«“\"]+\s){{0,3}}?{LEGISLATION_WORDS}\b[^«“\"]{{0,80}}?\s[«“\"](?P<name>[^«»“”\"]{{2,300}})[»”\"]"
)
LEGISLATION = re.compile(
    rf"(?:{LEGISLATION_WORDS})\b(?:[^.;\[\]]|\.(?=\s?\d)|(?<=Респ|Рэсп|Resp)\.){{0,120}}?\s"
    + LEGISLATION_DATE.pattern
    # English kinds only with a whole date after "of" ("Civil Code of Ukraine of 16 January 2003", "Order of
    # 09.04.2017"; never "Regulation of 3 genes")
    + r"|(?:Code|Order|Regulation|Directive|Resolution)\b(?:[^.;\[\]]|\.(?=\s?\d)){0,120}?\sof\s\d{1,2}"
    r"(?:\.\d{1,2}\.\d{4}|\s[A-Z][a-z]{2,8}\s\d{4})"
)
#: A court's decision on a case: "Case of Volkov v. Ukraine (Application no. 21722/11)", "Decision of the
#: Constitutional Court of Ukraine of 26 February 2019 No. 1-r/2019", "Judgment of the … Court of …",
#: "Resolution of the Grand Chamber of the Supreme Court of 4 September 2018 in case No. 823/2042/16",
#: "Рішення Конституційного Суду України від …", "Постановление … суда … по делу № …" (a plenum's resolution,
#: "Постановление Пленума Верховного Суда РФ от … № 25 «…»", without a case, is legislation).
LEGAL_CASE = re.compile(
    r"(?:Case\sof\s[^.;()]{1,120}?\sv\.\s"
    r"|(?:Decision|Judgment|Judgement|Ruling)\sof\sthe\s(?:[A-Z][\w-]*\s){0,6}?(?:Court|Chamber)\b"
    r"|(?:Рішення|Ухвала|Решение|Определение)\s(?:[^\s.;]+\s){0,6}?(?:[Сс]уду?|[Сс]уда)\b"
    r"|[^.;]{1,160}?\s(?:in\scase|у\sсправі|по\sделу|u\sspravi|po\sdelu)\s(?:No\.|№))"
)
#: A case's number: "Application no. 21722/11", "in case No. 823/2042/16", "No. 1-r/2019", "№ 2-45/2019".
LEGAL_CASE_NUMBER = re.compile(r"(?:[Aa]pplication\sno\.|\b[Nn]o\.|№)\s?(?P<number>\d[\w/-]*)")
#: A title that opens with one of these names a report ("Otchet o rezul'tatakh …", "Отчет о НИР").
REPORT_TITLES: tuple[str, ...] = (
    "Otchet o ",
    "Otchyot o ",
    "Otchet po ",
    "Отчет о ",
    "Отчёт о ",
    "Отчет по ",
    "Report on ",
)
#: Either: the title of what holds a paper.
CONTAINER_CUES: tuple[str, ...] = PROCEEDINGS_CUES + COLLECTION_CUES

#: Words that make a container a conference's ("Int. Conf.", "konferentsii", "Meeting", "Симпозиум");
#: matched against the lowercased sentence.
CONFERENCE_WORDS = re.compile(
    r"\b(?:conf(?:\.|$)|conference|konf(?:\.|$)|konferen[tc]\w*|symposium|symp\.|meeting|workshop|congress|"
    r"seminar|forum|summit|colloquium|convention|конференц\w*|конф(?:\.|$)|симпозиум\w*|семинар\w*|совещани\w*|"
    r"форум\w*|конгресс\w*|съезд\w*)"
)

#: Containers that are journals even when a conference word is in their name
#: ("Journal of Physics: Conference Series", "Trudy MAI" with an issue number).
JOURNAL_CUES: tuple[str, ...] = (
    "Journal", "J.", "J ", "Zhurnal", "Vestnik", "Izvestiya", "Izvestia", "Izv.", "Bulletin", "Letters", "Annals",
    "Acta", "Reviews", "Magazine", "Журнал", "Вестник", "Известия", "Изв.",
)  # fmt: skip


#: Cyrillic letters that look like Latin ones, mapped to the Latin letter.
HOMOGLYPHS: dict[str, str] = {
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "І": "I", "і": "i", "Ј": "J", "ј": "j", "Ѕ": "S", "ѕ": "s",
}  # fmt: skip

#: A sentence starting with one of these continues the journal name before it
#: ("Voprosy Atomnoi Nauki i Tekhniki. Ser. Fizika Yadernykh Reaktorov").
CONTAINER_CONTINUATIONS: tuple[str, ...] = (
    "Ser.", "Seriya", "Series", "Serie", "Section", "Sect.", "Ser ", "Серия", "Сер.",
)  # fmt: skip
#: A sentence ending with one of these names a journal's series ("Physical-technical series").
SERIES_ENDINGS: tuple[str, ...] = ("series", "Series", "seriya", "Seriya", "серия")

#: Journal names printed as two sentences whose first one names a family of journals
#: ("Izvestiya vuzov. Yadernaya Energetika"), in any of their transliterations
#: ("Izvestia Vysshikh Uchebnykh Zawedeniy", "Izv. vysshih uchebnyh zavedenij"); case-insensitive.
CONTAINER_FAMILY = re.compile(
    r"izv(?:esti[yj]?a|\.)?\s+(?:vuzov|v[yi]ss?h\w*\s+uche?bn\w*\s+za[vw]ed\w*)"
    r"|изв(?:естия|\.)\s+(?:вузов|высш\w*\s+учебн\w*\s+завед\w*)"
    r"|вопросы\s+атомн\w*\s+науки\s+и\s+техники"
    r"|вестник"
    r"|voprosy\s+atomn\w*\s+nauki\s+i\s+te(?:k?h|ch)niki"
    r"|vestnik",
    re.IGNORECASE,
)

#: Combining forms written solid with the next word, so a hyphen after them at a line end is
#: hyphenation ("teplo-nositel’" is теплоноситель), transliterated Russian and English.
SOLID_PREFIXES: frozenset[str] = _entries(
    """
    teplo; termo; odno; dvukh; trekh; mnogo; vodo; energo; paro; gidro; elektro; radio; avto; mezh;
    sverkh; polu; samo; vysoko; nizko; malo; bystro; gazo; nefte; metallo; yadro; jadro; teplovo;
    mikro; makro; nano; mega; giga; kilo; avia; aero; bio; geo; foto; kino; video; audio; tele;
    infra; super; kvazi; psevdo; anti; neo; mono; poli; vibro; agro; pod; nad; pere; pred; trans;
    thermo; electro; sub; un; re; pre; over; under
    """
)

#: Short words that mark a Latin title as English or as transliterated Russian.
ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset(
    "the of and in on for with to from by at an a as its is are into under over between using".split()
)
TRANSLIT_FUNCTION_WORDS: frozenset[str] = frozenset(
    "v i s k o na po dlya dlja pri ot iz do so ob ili kak ego eye ikh ih pod nad bez vo za ko".split()
)
#: The word a town's name may follow in a meeting's place: "(м. Київ, 20–21 квіт. 2021 р.)", "(г. Москва, …)".
TOWN_PREFIX = re.compile(r"(?:г|м|g|m)\.\s?")
#: Short words that mark a Latin title as German, French or Spanish (two of one list, more than of
#: any other and of English's, decide: "Die Wiederentdeckung der Allmende", "Les réseaux de Lyon";
#: ``parsing.language.other_latin_language``).
OTHER_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset(
        "der die das und im für von zur zum mit den des dem ein eine einer über auf bei aus unter nach durch gegen "
        "ohne vom am beim sowie oder nicht ist sind wie als wird wenn zwischen eines einem einen".split()
    ),
    "fr": frozenset("le la les des du et dans pour au aux une sur à entre en par l’ d’ l' d' est".split()),
    "es": frozenset("el la los las del y en para con una por entre".split()),
}
#: Word endings only one of those languages writes often ("Simulation" is English too: not "-tion"), each word
#: counted as one more of it ("Strömungen", "Wirtschaftlichkeit", "Gesellschaft").
OTHER_ENDINGS: dict[str, tuple[str, ...]] = {
    "de": ("ungen", "keit", "heit", "schaft", "lichen", "ischen", "erung", "tung", "chung", "nung", "dung", "gung",
           "fung", "kung", "zung", "bung"),
}  # fmt: skip
#: Letters that only one of those languages writes, each counted as one more word of it.
OTHER_LETTERS: dict[str, str] = {"de": "äöüß", "fr": "éèêçœù", "es": "ñáíóú"}
#: Word endings frequent in transliterated Russian and rare in English.
TRANSLIT_ENDINGS: tuple[str, ...] = (
    "ogo", "ego", "nyh", "nykh", "ykh", "ikh", "iya", "ija", "aya", "aja", "nyi", "nyj", "nyy", "skii",
    "skij", "skiy", "ost’", "ost'", "osti", "eniya", "enija", "eniе", "ovaniya", "yami", "ami", "oi", "oj",
    "ei", "ej", "uyu", "uju", "ym", "om", "ov", "ev", "yh", "ih", "ie", "ye", "yi", "ok",
)  # fmt: skip

#: Chemical element symbols, kept Latin in a Cyrillic title when they touch a number
#: ("<sup>232</sup>Th", "44,5%Pb-55,5%Bi").
CHEMICAL_ELEMENTS: frozenset[str] = frozenset(
    """
    H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br
    Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho
    Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es
    """.split()
)
#: English function words no transliteration of a Russian word gives ("to", "on", "by" can be
#: "то", "он", "бы"); a Russian title keeps them Latin.
ENGLISH_ONLY_WORDS: frozenset[str] = frozenset("the of and for with from into using between".split())
#: Latin abbreviations a Russian title keeps as printed.
LATIN_ABBREVIATIONS: frozenset[str] = frozenset({"vs", "etc", "et", "al", "ibid", "op", "cit", "ed", "eds", "proc"})
