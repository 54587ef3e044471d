from common import T

DOCS = []


def H(**kw):
    kw.setdefault("fmt", "html")
    kw.setdefault("kind", "Rådmandsindstilling")
    kw.setdefault("meeting", "Rådmandsmøde")
    return kw


def TB(**kw):
    kw.setdefault("fmt", "tab")
    kw.setdefault("kind", "Indstilling")
    return kw


# ------------------------------------------------------------------ 2019-04-03 Budgetforslag 2020 (html)
DOCS.append(H(
    file="2019-04-03_raadmandsindstilling_budgetforslag-2020.txt", date="2019-04-03", dept="Økonomi",
    title="Budgetforslag 2020 – MSOs forslag til reduktioner og investeringer",
    baggrund=[
        "Byrådet har i budgetprocessen for Budget 2020 bedt alle magistratsafdelinger om at udarbejde forslag til reduktioner svarende til 1 % af serviceudgifterne. For MSO svarer det til ca. 42 mio. kr. Samtidig er der et demografisk pres, idet antallet af borgere over 80 år stiger med ca. 4 % om året.",
        "Økonomi har på baggrund af input fra forvaltningerne samlet et katalog med forslag, som er inddelt i:",
        ("ul", ["Reduktionsforslag (i alt 47,3 mio. kr.)",
                "Investeringsforslag med forventet tilbagebetaling (velfærdsteknologi og hverdagsrehabilitering)",
                "Budgetønsker til politisk prioritering (demens, klippekort og flere hænder i hjemmeplejen)"]),
        "Kataloget er vedlagt som bilag 1.",
    ],
    kommunikation=["Kataloget er fortroligt, indtil det offentliggøres sammen med magistratens budgetforslag i august. Der orienteres i MED-systemet (HovedMED) den 24. april."],
    beslutninger=["Rådmanden skal",
                  ("ul", ["Godkende, at reduktionsforslagene sendes videre i budgetprocessen.",
                          "Beslutte, hvilke budgetønsker der skal prioriteres højest.",
                          "Drøfte kommunikationen til medarbejderne om besparelserne."])],
    koordineret="", ansvarlig="Økonomi/Henrik Dalsgaard", deltager="Ole Sandholm (4187 2290)",
    effekt=["Reduktionsforslagene er vurderet, så de har mindst mulig betydning for borgernes oplevede kvalitet. De største forslag vedrører administration, indkøb og en mere effektiv planlægning i hjemmeplejen."],
    finans="grundbudget", years=[2020, 2021, 2022, 2023], amounts=["-", "-", "-", "-"],
    implementering=["Når budgettet er vedtaget i oktober, udarbejdes en implementeringsplan for hver reduktion med tydelig ansvarsfordeling."],
    oekonomi="Ingen bemærkninger til økonomi.",
    referat=T("""
Rådmanden

- Godkendte, at reduktionsforslagene på i alt 47,3 mio. kr. sendes videre i budgetprocessen, dog tages forslaget om lukning af Aktivitetscenter Trøjborg ud af kataloget.
- Prioriterede budgetønskerne således: 1) flere hænder i hjemmeplejen, 2) demensindsatsen, 3) videreførelse af klippekortet.
- Drøftede kommunikationen til medarbejderne.

Rådmanden ønsker, at budgetforslaget tydeligt viser sammenhængen mellem demografi og økonomi. Forslaget om besparelse på madservice skal genbesøges, så det ikke rammer ernæringsindsatsen for de svageste borgere.

Kommunikation til medarbejderne:

- HovedMED orienteres den 24. april med fokus på, at reduktionerne primært vedrører administration og indkøb.
- Forvaltningscheferne orienterer driftslederne i uge 18.
- Der kommunikeres ikke om enkeltforslag, før magistratens budgetforslag er offentliggjort.

Økonomi tilretter kataloget og sender det til Borgmesterens Afdeling den 1. maj.
"""),
    outcome="decided", presenters=["Henrik Dalsgaard", "Ole Sandholm"],
    summary="Reduktionsforslag (47,3 mio. kr.) til Budget 2020 godkendt; budgetønsker prioriteret.",
    topics=["budget", "hjemmepleje", "demens", "klippekort", "madservice"],
))

# ------------------------------------------------------------------ 2019-09-06 Ensomhed (tab)
DOCS.append(TB(
    file="2019-09-06_indstilling_handleplan-ensomhed.txt", date="2019-09-06", meeting="Rådmandsmøde",
    title="Handleplan mod ensomhed blandt ældre",
    sagsbehandler="Pia Skovsgaard", afdeling="(Civilsamfund og Frivillighed, Morten Ahrenkiel)",
    deltagere="(Morten Ahrenkiel), (evt. Pia Skovsgaard)",
    baggrund=T("""
Ifølge Sundhedsprofilen føler ca. 11 % af borgere over 65 år i Aarhus sig ofte uønsket alene. Blandt borgere over 80 år er andelen højere, og ensomhed hænger tæt sammen med dårligere helbred, flere indlæggelser og tidligere behov for hjemmehjælp.

Byrådet har i Budget 2019 afsat 1,5 mio. kr. årligt til en styrket indsats mod ensomhed blandt ældre. Civilsamfund og Frivillighed har i samarbejde med lokalcentrene, Ældre Sagen og Røde Kors udarbejdet et udkast til en handleplan med fire spor:

- Opsporing: Hjemmeplejens medarbejdere og de forebyggende medarbejdere bruger et kort spørgeskema til at afdække ensomhed ved forebyggende hjemmebesøg.
- Fællesskaber: Flere aktiviteter på lokalcentrene – herunder spisefællesskaber og gåture.
- Frivillige: Besøgsvenner og telefonkæder i samarbejde med frivillige foreninger.
- Overgange: Særligt fokus på borgere, der mister en ægtefælle eller flytter i plejebolig.
"""),
    opfoelgning="Handleplanen følges op med en årlig status til rådmanden. Første status gives i juni 2020, hvor antal opsporede borgere og deltagelse i aktiviteter opgøres.",
    kommunikation="Handleplanen præsenteres for Sundheds- og Omsorgsudvalget den 2. oktober 2019. Der udarbejdes en pressemeddelelse i samarbejde med Kommunikation, når planen er endelig.",
    beslutninger=T("""
Rådmanden skal drøfte:

- Om de fire spor er de rigtige, og om nogle skal prioriteres højere end andre.
- Hvordan indsatsen kobles til demensstrategien og arbejdet med pårørende.
- Om handleplanen skal forelægges udvalget til orientering eller beslutning.
"""),
    koordinering="Koordineret med Sundhed og Forebyggelse samt Hjemmeplejen. Ældre Sagen og Røde Kors er inddraget i udarbejdelsen.",
    udgifter=[("2019", "750"), ("2020", "1.500"), ("2021", "1.500"), ("2022", "1.500")],
    indirekte="Opsporingen kræver ca. 10 minutter ekstra pr. forebyggende hjemmebesøg.",
    effekt=T("""
- Færre ældre, der ofte føler sig uønsket alene (måles i Sundhedsprofilen 2021).
- Flere borgere deltager i fællesskaber på lokalcentrene.
"""),
    referat=T("""
Rådmandsmødekredsen drøftede handleplanen og der arbejdes videre med følgende:

- De fire spor fastholdes, men opsporing og overgange prioriteres i 2020.
- Indsatsen kobles tydeligere til demensstrategien, da mange ensomme ældre også er pårørende til en ægtefælle med demens.
- Handleplanen forelægges udvalget til orientering, ikke beslutning.
- Der ses på, om biblioteker og idrætsforeninger kan inddrages (MKB og MSB).

Endelig handleplan kommer tilbage på et rådmandsmøde inden jul.
"""),
    outcome="discussed", presenters=["Morten Ahrenkiel", "Pia Skovsgaard"],
    summary="Udkast til handleplan mod ensomhed med fire spor drøftet.",
    topics=["ensomhed", "demens", "pårørende"],
))

# ------------------------------------------------------------------ 2020-03-26 Covid-19 (html)
DOCS.append(H(
    file="2020-03-26_raadmandsindstilling_covid19-aktivitetscentre.txt", date="2020-03-26", dept="Pleje og Rehabilitering",
    title="Covid-19 – midlertidig lukning af aktivitetscentre og dagtilbud for ældre",
    baggrund=[
        "Regeringen har den 11. marts 2020 bedt alle offentlige arbejdspladser om at begrænse aktiviteter for at mindske smittespredningen med covid-19. Ældre borgere og borgere med kronisk sygdom er i særlig risiko.",
        "MSO har derfor midlertidigt lukket lokalcentrenes aktiviteter, daghjem og træningstilbud på holdbasis. Der er behov for at tage stilling til:",
        ("ul", ["Forlængelse af lukningen frem til og med 13. april",
                "Nødtilbud i daghjem for borgere med demens, hvor pårørende ikke kan klare opgaven",
                "Omlægning af genoptræning til individuelle forløb og telefonopfølgning"]),
        "Samtidig skal det sikres, at ensomme ældre ikke mister kontakten til fællesskaber.",
    ],
    kommunikation=["Der informeres via aarhus.dk, lokalcentrenes Facebook-sider og brev til alle brugere af daghjem. Pressehenvendelser håndteres af Kommunikation."],
    beslutninger=["Rådmanden skal",
                  ("ul", ["Godkende forlængelse af lukningen af aktivitetscentre og daghjem til og med 13. april 2020.",
                          "Godkende etablering af nødtilbud i tre daghjem (Åbyhøj, Hasle og Viby).",
                          "Tage orientering om telefonkæder til ensomme ældre til efterretning."])],
    koordineret="Sundhed og Forebyggelse samt Civilsamfund og Frivillighed",
    ansvarlig="Pleje og Rehabilitering/Anette Brøndum", deltager="Louise Hein (2933 4170)",
    effekt=["Lukningen forventes at reducere risikoen for smitte blandt sårbare ældre. Konsekvenserne for borgernes funktionsniveau og trivsel følges, og der laves en samlet opsamling, når aktiviteterne genåbner."],
    finans="faelles", years=[2020, 2021, 2022, 2023], amounts=["450.000", "-", "-", "-"],
    implementering=["Lokalcentrene kontakter alle faste brugere telefonisk inden for en uge. Frivillige fra Røde Kors og Ældre Sagen indgår i telefonkæderne."],
    oekonomi="Udgiften til ekstra personale i nødtilbud dækkes af MSO's fælles opsparing og søges kompenseret via covid-19-regnskabet.",
    referat=T("""
Rådmanden

- Godkendte forlængelse af lukningen af aktivitetscentre og daghjem til og med 13. april 2020.
- Godkendte nødtilbud i tre daghjem; behovet vurderes igen efter påske.
- Tog orienteringen om telefonkæder til efterretning.

Rådmanden lagde vægt på, at pårørende til borgere med demens får hurtig besked om nødtilbuddet, og at genoptræning efter udskrivelse fra hospital fortsætter individuelt. Der gives status på hvert rådmandsmøde, så længe situationen står på.
"""),
    outcome="decided", presenters=["Anette Brøndum", "Louise Hein"],
    summary="Lukning af aktivitetscentre og daghjem forlænget; nødtilbud i tre daghjem.",
    topics=["covid-19", "demens", "ensomhed", "rehabilitering"],
))

# ------------------------------------------------------------------ 2020-06-11 Personalesag (html, LUKKET)
DOCS.append(H(
    file="2020-06-11_raadmandsindstilling_personalesag-soendervang.txt", date="2020-06-11", dept="HR",
    title="Personalesag – afskedigelse af leder på Plejecenter Søndervang",
    closed=True,
    baggrund=[
        "Der har siden efteråret 2019 været alvorlige samarbejdsproblemer på Plejecenter Søndervang i Viby. Arbejdstilsynet har i februar 2020 givet et påbud om psykisk arbejdsmiljø, og sygefraværet på plejecentret er steget til 14,2 %.",
        "HR har gennemført en undersøgelse med interviews af 23 medarbejdere. Undersøgelsen peger på, at lederen, Bente Kjær Nørgaard, ikke har håndteret konflikter i personalegruppen, og at flere medarbejdere oplever en utryg omgangstone. Lederen har modtaget en skriftlig advarsel den 12. marts 2020 og har efterfølgende haft en coach tilknyttet.",
        "Forvaltningschefen vurderer, at der ikke er sket den nødvendige forbedring. Der er partshørt den 2. juni, og lederens faglige organisation har afgivet bemærkninger.",
    ],
    kommunikation=["Sagen er fortrolig. Medarbejderne på Søndervang orienteres på et personalemøde, når afskedigelsen er meddelt. Der kommunikeres ikke eksternt. Eventuelle pressehenvendelser besvares af forvaltningschefen uden at oplyse detaljer om sagen."],
    beslutninger=["Rådmanden skal",
                  ("ul", ["Godkende, at lederen afskediges med fritstilling i opsigelsesperioden (4 måneder).",
                          "Godkende, at der konstitueres en leder fra Plejecenter Egebjerg, indtil en ny leder er ansat."])],
    koordineret="Personalejura i Borgmesterens Afdeling", ansvarlig="HR/Mette Friis Lauridsen",
    deltager="Anette Brøndum (4185 3321)",
    effekt=["Arbejdstilsynets påbud skal være efterkommet senest 1. oktober 2020. Arbejdsmiljøet følges med en ny APV i efteråret."],
    finans="grundbudget", years=[2020, 2021, 2022, 2023], amounts=["185.000", "-", "-", "-"],
    implementering=["Afskedigelsen meddeles den 15. juni 2020. Rekruttering af ny leder igangsættes straks med et ansættelsesudvalg med deltagelse af MED-repræsentanter."],
    oekonomi="Lønudgiften i fritstillingsperioden afholdes af plejecentrets budget.",
    referat=T("""
Rådmanden

- Godkendte, at lederen af Plejecenter Søndervang afskediges med fritstilling i opsigelsesperioden.
- Godkendte konstitueringen af Jonna Lerche fra Plejecenter Egebjerg som leder frem til 1. oktober 2020.

Rådmanden bad om, at der følges tæt op på trivslen blandt medarbejderne, og at beboere og pårørende orienteres om lederskiftet på et pårørendemøde. Sagen behandles fortroligt, og der oplyses ikke om årsagen til afskedigelsen.

HR sørger for, at der tilbydes supervision til medarbejdergruppen, og at Arbejdstilsynet orienteres om de iværksatte tiltag inden fristen den 1. oktober.
"""),
    outcome="decided", presenters=["Mette Friis Lauridsen", "Anette Brøndum"],
    summary="LUKKET: afskedigelse af plejecenterleder efter påbud om psykisk arbejdsmiljø.",
    topics=["plejehjem", "sygefravær"],
))

# ------------------------------------------------------------------ 2020-11-05 Klippekort (tab) – postponed
DOCS.append(TB(
    file="2020-11-05_indstilling_klippekort.txt", date="2020-11-05", meeting="Chefteammøde",
    title="Klippekort – fremtid efter ophør af puljemidler",
    sagsbehandler="Malene Juul Poulsen", afdeling="(Visitation, Rikke Høyer Andersen)",
    deltagere="(Rikke Høyer Andersen), (Malene Juul Poulsen)",
    baggrund=T("""
Klippekortordningen til hjemmeboende ældre og til beboere på plejehjem har siden 2015/2016 været finansieret af statslige puljemidler. Fra 2021 overgår midlerne til bloktilskuddet, og der er ikke længere krav om, at de anvendes til klippekort.

MSO modtager ca. 21 mio. kr. årligt via bloktilskuddet. Byrådet har i budgetforliget for 2021 besluttet, at 8,5 mio. kr. anvendes til klippekort på plejehjemmene, mens resten indgår i den generelle ramme.

Der er derfor behov for at beslutte, hvordan ordningen for hjemmeboende skal se ud fra 1. januar 2021. Der er tre modeller:

1. Ordningen videreføres uændret for hjemmeboende (kræver ca. 9 mio. kr., som skal findes inden for rammen).
2. Ordningen videreføres i reduceret form med ét klip (½ time) hver anden uge.
3. Ordningen for hjemmeboende ophører, og midlerne anvendes til en styrket indsats mod ensomhed.
"""),
    opfoelgning="Visitationen følger forbruget af klip månedligt. Der gives status til chefteamet i juni 2021.",
    kommunikation="Alle borgere med klippekort skal have skriftlig besked senest en måned før en ændring. Ændringen skal også forelægges Seniorrådet.",
    beslutninger=T("""
CT skal beslutte:

- Hvilken model der skal gælde for hjemmeboende fra 2021.
- Om beslutningen skal forelægges rådmanden og udvalget.
"""),
    koordinering="Koordineret med Økonomi og Hjemmeplejen.",
    udgifter=[("2021", "0-9 mio."), ("2022", "0-9 mio."), ("2023", ""), ("2024", "")],
    indirekte="",
    effekt="- Model 1 og 2 fastholder et tilbud, som borgerne er glade for. Model 3 giver mulighed for en mere målrettet indsats, men vil blive opfattet som en forringelse.",
    referat=T("""
Punktet blev udsat.

CT ønsker, at Økonomi regner på en fjerde model, hvor klippekortet målrettes borgere med personlig pleje, som bor alene. Desuden skal Seniorrådet høres, inden der træffes beslutning. Indtil da videreføres ordningen uændret for hjemmeboende.

Malene og Kristoffer Dam (Økonomi) vender tilbage med et revideret oplæg i starten af 2021.

CT bemærkede, at klippekortet for mange borgere er den eneste mulighed for at komme ud af huset, og at en eventuel ændring derfor skal ses i sammenhæng med handleplanen mod ensomhed.
"""),
    outcome="postponed", presenters=["Rikke Høyer Andersen", "Malene Juul Poulsen"],
    summary="Udsat: fremtidig model for klippekort til hjemmeboende; fjerde model og høring ønskes.",
    topics=["klippekort", "ensomhed"],
))

# ------------------------------------------------------------------ 2021-04-22 Nyt omsorgssystem (html)
DOCS.append(H(
    file="2021-04-22_raadmandsindstilling_nyt-omsorgssystem.txt", date="2021-04-22", dept="Digitalisering",
    title="Nyt omsorgssystem – valg af it-system til dokumentation i pleje og sygepleje",
    baggrund=[
        "MSOs nuværende omsorgssystem har kontraktudløb ved udgangen af 2023. KL og en række kommuner har i fællesskab gennemført et udbud af et nyt fagsystem til pleje, sygepleje og træning. Aarhus Kommune kan tilslutte sig rammeaftalen frem til 1. juni 2021.",
        "Digitalisering har sammen med repræsentanter fra hjemmeplejen, plejehjemmene og sygeplejen vurderet de to leverandører på rammeaftalen. Vurderingen er samlet i bilag 1 og peger på følgende:",
        ("ul", ["Leverandør A har den bedste mobile løsning til medarbejderne, herunder talegenkendelse",
                "Leverandør B er billigst i drift, men kræver flere tilpasninger",
                "Begge løsninger understøtter integration til skærmbesøg og velfærdsteknologi"]),
        "Det samlede implementeringsprojekt forventes at vare to år.",
    ],
    kommunikation=["Valget af nyt it-system formidles til alle medarbejdere via intranettet og på ledermøder. Der etableres en superbrugerorganisation med ca. 120 superbrugere."],
    beslutninger=["Rådmanden skal",
                  ("ul", ["Godkende, at MSO tilslutter sig rammeaftalen og vælger Leverandør A.",
                          "Godkende finansieringsmodellen for implementeringen."])],
    koordineret="Borgmesterens Afdeling (ITK) og MSB", ansvarlig="Digitalisering/Jens Ole Kirkegaard",
    deltager="Mads Overgaard (4189 5512)",
    effekt=["Det nye system skal reducere tiden til dokumentation med mindst 10 % og give medarbejderne bedre overblik over borgerens forløb på tværs af hjemmepleje, sygepleje og genoptræning."],
    finans="faelles", years=[2021, 2022, 2023, 2024], amounts=["4.500.000", "11.200.000", "9.800.000", "-"],
    implementering=["Systemet implementeres i tre bølger fra efteråret 2022 til sommeren 2023 – først sygeplejen, dernæst hjemmeplejen og til sidst plejehjemmene."],
    oekonomi="Driftsudgiften forventes at være 1,8 mio. kr. højere end i dag og indgår i Budget 2023.",
    referat=T("""
Rådmanden

- Godkendte, at MSO tilslutter sig KL's rammeaftale og vælger Leverandør A som nyt omsorgssystem.
- Godkendte finansieringsmodellen, hvor implementeringen finansieres af MSO's fælles opsparing over tre år.

Rådmanden lagde vægt på, at den digitale løsning skal gøre hverdagen lettere for medarbejderne, og at tiden til dokumentation reelt falder. Der skal følges op på det i den årlige trivselsmåling. Udvalget orienteres på mødet den 5. maj.

HovedMED inddrages i planen for oplæring, og der afsættes tid til, at alle medarbejdere kan deltage i undervisning i det nye system i arbejdstiden.
"""),
    outcome="decided", presenters=["Jens Ole Kirkegaard", "Mads Overgaard"],
    summary="Nyt omsorgssystem (Leverandør A) via KL-rammeaftale godkendt; 25,5 mio. kr. fra fælles opsparing.",
    topics=["digitalisering"],
))

# ------------------------------------------------------------------ 2021-09-09 Besparelser Budget 2022 (tab)
DOCS.append(TB(
    file="2021-09-09_indstilling_budget-2022-besparelser.txt", date="2021-09-09", meeting="Rådmandsmøde",
    title="Budget 2022 – forslag til besparelser på ældreområdet",
    sagsbehandler="Kristoffer Dam", afdeling="(Økonomi, Henrik Dalsgaard)",
    deltagere="(Henrik Dalsgaard), (Kristoffer Dam), (Ole Sandholm)",
    baggrund=T("""
Magistratens budgetforslag for 2022 indeholder et effektiviseringskrav på 0,5 % af serviceudgifterne for alle magistratsafdelinger. For Sundhed og Omsorg svarer det til 24,6 mio. kr. i 2022 stigende til 31 mio. kr. i 2025.

Økonomi har sammen med forvaltningscheferne udarbejdet et katalog med besparelsesforslag for i alt 38 mio. kr., så der er mulighed for at prioritere. De største forslag er:

- Sammenlægning af to mindre plejecentre (Skovgården og Tilst Bakke) – 6,1 mio. kr.
- Reduktion af ledelseslag i hjemmeplejen – 4,8 mio. kr.
- Ny indkøbsaftale på hjælpemidler – 3,5 mio. kr.
- Mindre administration ved digitalisering af visitationen – 2,9 mio. kr.
- Reduktion af åbningstid i aktivitetscentre – 2,2 mio. kr.

Forslagene om aktivitetscentre og sammenlægning af plejecentre forventes at skabe debat blandt borgere og i Seniorrådet.
"""),
    opfoelgning="Når budgetforliget er indgået i oktober, udarbejdes implementeringsplaner for de vedtagne besparelser. Status gives i budgetopfølgningerne i 2022.",
    kommunikation="Kataloget er fortroligt, indtil byrådets budgetforhandlinger er afsluttet. HovedMED orienteres den 15. september.",
    beslutninger=T("""
Rådmanden skal drøfte:

- Hvilke besparelsesforslag der skal indgå i MSOs bidrag til forhandlingerne.
- Om forslaget om sammenlægning af plejecentre skal indgå nu eller afvente plejeboligplanen.
"""),
    koordinering="Koordineret med Borgmesterens Afdeling (Budget).",
    udgifter=[("2022", "-24,6 mio."), ("2023", "-27,8 mio."), ("2024", "-29,9 mio."), ("2025", "-31 mio.")],
    indirekte="",
    effekt=T("""
- Reduktionerne vil have konsekvenser for serviceniveauet, især i aktivitetscentrene.
- Digitalisering af visitationen kan give kortere sagsbehandlingstid.
"""),
    referat=T("""
Rådmandsmødekredsen drøftede besparelseskataloget og der arbejdes videre med følgende:

- Forslaget om sammenlægning af plejecentre tages ud og afventer plejeboligplanen i 2022.
- Reduktion af åbningstid i aktivitetscentre erstattes af et forslag om øget frivillig drift om aftenen.
- Forslagene om ledelse i hjemmeplejen, hjælpemidler og digitalisering af visitationen indgår.
- Økonomi finder de resterende 4-5 mio. kr. i administrationen.

Rådmanden ønsker et revideret katalog til næste rådmandsmøde inden magistratsbehandlingen.
"""),
    outcome="discussed", presenters=["Henrik Dalsgaard", "Kristoffer Dam", "Ole Sandholm"],
    summary="Besparelseskatalog (38 mio. kr.) til Budget 2022 drøftet; sammenlægning af plejecentre tages ud.",
    topics=["budget", "plejehjem", "hjemmepleje"],
))

# ------------------------------------------------------------------ 2022-03-17 Klagesag (tab, LUKKET)
DOCS.append(TB(
    file="2022-03-17_indstilling_klagesag-hjemmeplejen-syd.txt", date="2022-03-17", meeting="Chefteammøde",
    title="Klagesag – fejl i medicinhåndtering og klage fra pårørende, Hjemmeplejen Syd", closed=True,
    sagsbehandler="Kasper Ravn", afdeling="(Jura, Peter Hvidtfeldt)",
    deltagere="(Peter Hvidtfeldt), (Kasper Ravn), (evt. Lene Kvist)",
    baggrund=T("""
Datteren til en borger (kvinde, 87 år, bosat i Viby J) har den 14. februar 2022 klaget over hjemmeplejens håndtering af moderens medicin. Borgeren fik i perioden 3.-9. februar ikke sin blodfortyndende medicin (Eliquis), fordi en ændring fra hospitalet ikke blev overført korrekt til medicinlisten ved udskrivelse. Borgeren blev den 10. februar indlagt på Aarhus Universitetshospital med en blodprop og er efterfølgende flyttet på plejehjem.

Hændelsen er indberettet som en alvorlig utilsigtet hændelse til Styrelsen for Patientsikkerhed. Datteren har samtidig rettet henvendelse til TV2 Østjylland og har anmodet om aktindsigt i journalen.

Jura vurderer, at der er sket fejl i overleveringen mellem sygeplejen og hjemmeplejen, og at kommunen bør beklage forløbet. Der er ikke grundlag for erstatning fra kommunen, men familien kan søge via Patienterstatningen.
"""),
    opfoelgning="Hjemmeplejen Syd har gennemgået arbejdsgangen for medicinændringer ved udskrivelse. Der indføres dobbelttjek ved alle ændringer i risikomedicin. Lene Kvist følger op med medarbejderne uden at placere individuel skyld.",
    kommunikation="Sagen er fortrolig og må ikke omtales med personhenførbare oplysninger. Ved pressehenvendelser svarer forvaltningschefen med en generel beklagelse. Der er ikke givet samtykke fra familien til at omtale sagen.",
    beslutninger=T("""
CT skal beslutte:

- At forvaltningschefen sender en skriftlig beklagelse til datteren og tilbyder et møde.
- At aktindsigt imødekommes inden for 7 arbejdsdage.
- At dobbelttjek ved ændring i risikomedicin indføres i hele hjemmeplejen, ikke kun i Syd.
"""),
    koordinering="Koordineret med Sygeplejen og Kommunikation.",
    udgifter=[("2022", ""), ("2023", ""), ("2024", ""), ("2025", "")],
    indirekte="Dobbelttjek vil kræve ca. 5 minutters ekstra tid pr. medicinændring.",
    effekt="- Færre fejl ved medicinændringer i overgangen fra hospital til eget hjem.",
    referat=T("""
CT besluttede:

- Forvaltningschefen sender en skriftlig beklagelse til datteren og tilbyder et møde i uge 12.
- Aktindsigt imødekommes; Jura gennemgår journalen for oplysninger om tredjepart inden udlevering.
- Dobbelttjek ved ændringer i risikomedicin indføres i hele hjemmeplejen fra 1. april 2022.

CT lagde vægt på, at medarbejderne i Hjemmeplejen Syd får støtte, og at sagen bruges til læring. Sygeplejen laver en tværgående gennemgang af udskrivelser fra AUH i første kvartal.
"""),
    outcome="decided", presenters=["Kasper Ravn", "Peter Hvidtfeldt", "Lene Kvist"],
    summary="LUKKET: klage over manglende blodfortyndende medicin hos 87-årig borger i Viby; beklagelse og dobbelttjek.",
    topics=["hjemmepleje", "pårørende"],
))

# ------------------------------------------------------------------ 2022-09-01 Pårørendeapp (html)
DOCS.append(H(
    file="2022-09-01_raadmandsindstilling_paaroerendeapp.txt", date="2022-09-01", dept="Digitalisering",
    title="Pårørendeapp – digital løsning til kommunikation med pårørende på plejehjem",
    baggrund=[
        "Pårørendepolitikken fra 2021 lægger op til bedre og mere systematisk information til pårørende. I dag foregår kommunikationen via telefon, opslag og mail, og mange pårørende efterspørger et fælles sted at følge med i hverdagen på plejehjemmet.",
        "Tre plejehjem (Kløvervang, Egebjerg og Brabrand Sø) har siden januar afprøvet en app, hvor plejehjemmet kan dele nyheder, aktiviteter, menuplaner og – med beboerens samtykke – billeder og korte beskeder.",
        ("ul", ["71 % af de pårørende har taget appen i brug",
                "Medarbejderne oplever færre telefonopkald om praktiske forhold",
                "Der har været udfordringer med samtykke, når beboeren ikke selv kan give det"]),
    ],
    kommunikation=["Udrulningen kommunikeres til pårørende via plejehjemmenes pårørenderåd og på aarhus.dk. Der laves en kort vejledning i appen."],
    beslutninger=["Rådmanden skal",
                  ("ul", ["Godkende, at pårørendeappen udrulles til alle 44 plejehjem i 2023.",
                          "Godkende, at der indgås en 3-årig licensaftale."])],
    koordineret="", ansvarlig="Digitalisering/Jens Ole Kirkegaard", deltager="Julie Fisker (4187 6630)",
    effekt=["Målet er, at 70 % af de pårørende på alle plejehjem bruger appen ved udgangen af 2023, og at pårørendetilfredsheden stiger i den næste brugerundersøgelse."],
    finans="grundbudget", years=[2022, 2023, 2024, 2025], amounts=["-", "640.000", "640.000", "640.000"],
    implementering=["Udrulningen sker i fire bølger fra februar 2023. Hvert plejehjem udpeger en app-ansvarlig. Databeskyttelse og samtykke håndteres efter en fælles skabelon godkendt af Jura."],
    oekonomi="Licensudgiften finansieres ved omprioritering inden for Digitaliserings ramme.",
    referat=T("""
Rådmanden

- Godkendte udrulning af pårørendeappen til alle plejehjem i 2023.
- Godkendte en 3-årig licensaftale med mulighed for forlængelse.

Rådmanden understregede, at appen ikke må erstatte den personlige kontakt mellem medarbejdere og pårørende. Der skal fortsat være et tilbud til pårørende, som ikke bruger digitale løsninger. Samtykkeskabelonen skal også kunne bruges ved fremtidsfuldmagt og værgemål.

Plejehjemmenes pårørenderåd inddrages i, hvilke oplysninger der skal deles i appen. Brugen af appen indgår i den kommende evaluering af pårørendepolitikken.
"""),
    outcome="decided", presenters=["Jens Ole Kirkegaard", "Julie Fisker"],
    summary="Pårørendeapp udrulles til alle 44 plejehjem i 2023.",
    topics=["digitalisering", "pårørende", "plejehjem"],
))

# ------------------------------------------------------------------ 2023-04-13 Udbud madservice (html, LUKKET)
DOCS.append(H(
    file="2023-04-13_raadmandsindstilling_udbud-madservice.txt", date="2023-04-13", dept="Økonomi",
    title="Udbud af madservice – tildeling af kontrakt", closed=True,
    baggrund=[
        "Kontrakten om levering af kølemad til hjemmeboende borgere udløber den 30. september 2023. Der er gennemført et EU-udbud med tre tilbud. Tildelingskriteriet var bedste forhold mellem pris og kvalitet (pris 40 %, kvalitet og smag 45 %, leveringssikkerhed 15 %).",
        "Tilbuddene er evalueret af et panel med borgere, diætister og medarbejdere fra Det Gode Køkken:",
        ("ul", ["Kokkenes Madservice A/S: 58,40 kr. pr. hovedret, samlet score 8,1",
                "NordMad ApS: 52,95 kr. pr. hovedret, samlet score 7,4",
                "Det Gode Køkken (kommunalt kontroltilbud): 61,20 kr. pr. hovedret, samlet score 7,9"]),
        "Den samlede kontraktværdi for Kokkenes Madservice A/S er ca. 31,5 mio. kr. over fire år (ca. 7,9 mio. kr. årligt ved 135.000 hovedretter).",
    ],
    kommunikation=["Tilbudsgiverne må ikke orienteres, før tildelingsbeslutningen er truffet. Herefter gælder en standstill-periode på 10 dage. Priserne er forretningshemmeligheder og må ikke offentliggøres."],
    beslutninger=["Rådmanden skal",
                  ("ul", ["Godkende, at kontrakten tildeles Kokkenes Madservice A/S.",
                          "Tage til efterretning, at Det Gode Køkken fortsat leverer mad til plejehjemmene."])],
    koordineret="Borgmesterens Afdeling (Indkøb og Udbud)", ansvarlig="Økonomi/Henrik Dalsgaard",
    deltager="Eva Damsgaard (4185 9023)",
    effekt=["Kvaliteten følges via halvårlige smagspaneler og den årlige tilfredshedsundersøgelse af madservice. Kontrakten indeholder bod ved forsinket levering."],
    finans="grundbudget", years=[2023, 2024, 2025, 2026], amounts=["2.000.000", "7.900.000", "7.900.000", "7.900.000"],
    implementering=["Overgang til ny leverandør sker 1. oktober 2023. Borgerne får brev og nyt bestillingsskema i august."],
    oekonomi="Prisen ligger 1,20 kr. under nuværende kontrakt pr. hovedret, svarende til en besparelse på ca. 160.000 kr. årligt.",
    referat=T("""
Rådmanden

- Godkendte, at kontrakten om madservice til hjemmeboende tildeles Kokkenes Madservice A/S.
- Tog til efterretning, at Det Gode Køkken fortsat producerer mad til plejehjemmene.

Rådmanden bad om, at borgerne får mulighed for at smage den nye mad inden overgangen, fx ved arrangementer på lokalcentrene. Eventuelle klager i overgangsperioden skal følges tæt. Priserne holdes fortrolige.

Rådmanden bemærkede, at Det Gode Køkken har leveret et godt kontroltilbud, og at erfaringerne skal bruges, når kontrakten skal genudbydes i 2027. Tilbudsgiverne orienteres skriftligt den 17. april, og standstill-perioden udløber den 27. april.
"""),
    outcome="decided", presenters=["Henrik Dalsgaard", "Eva Damsgaard"],
    summary="LUKKET: madservicekontrakt tildelt Kokkenes Madservice A/S til 58,40 kr. pr. hovedret (ca. 31,5 mio. kr.).",
    topics=["madservice"],
))

# ------------------------------------------------------------------ 2023-06-01 Demensvenlig kommune (tab)
DOCS.append(TB(
    file="2023-06-01_indstilling_demensvenlig-kommune.txt", date="2023-06-01", meeting="Rådmandsmøde",
    title="Aarhus som demensvenlig kommune",
    sagsbehandler="Camilla Lykke Rasmussen", afdeling="(Sundhed og Forebyggelse, Susanne Mørk Thomsen)",
    deltagere="(Susanne Mørk Thomsen), (Camilla Lykke Rasmussen)",
    baggrund=T("""
Demensstrategien 2019-2023 udløber ved årets udgang. Et af de gennemgående ønsker fra pårørende og borgere med demenssygdom er, at hele byen – ikke kun kommunens tilbud – bliver bedre til at rumme mennesker med demens.

Nationalt Videnscenter for Demens og Alzheimerforeningen har udviklet konceptet 'demensvenlig kommune', hvor butikker, busser, biblioteker og foreninger uddanner medarbejdere til at møde mennesker med demens. Over 40 kommuner deltager.

Forslaget er, at Aarhus bliver demensvenlig kommune fra 2024 med tre spor:

- Demensvenner: 5.000 aarhusianere uddannes som demensvenner inden 2026.
- Demensvenlige steder: Midttrafik, Dokk1 og 30 butikker i midtbyen deltager i første omgang.
- Kommunale medarbejdere: Alle medarbejdere i MSO med borgerkontakt gennemfører et kort e-læringsforløb.
"""),
    opfoelgning="Der gives årlig status til rådmanden. Demensvenlig kommune indgår som et af målene i den kommende demensplan.",
    kommunikation="Der lanceres en kampagne i samarbejde med Kommunikation på Verdens Alzheimerdag den 21. september 2023.",
    beslutninger=T("""
Rådmanden skal beslutte:

- At Aarhus tilslutter sig konceptet demensvenlig kommune.
- At der afsættes 400.000 kr. årligt i 2024-2026 fra MSO's fælles opsparing.
"""),
    koordinering="Koordineret med Kultur og Borgerservice (Dokk1) og Teknik og Miljø (Midttrafik).",
    udgifter=[("2023", "150"), ("2024", "400"), ("2025", "400"), ("2026", "400")],
    indirekte="",
    effekt=T("""
- Flere borgere med demens kan fortsætte et aktivt liv i byen.
- Pårørende oplever større forståelse i det offentlige rum.
"""),
    referat=T("""
Rådmanden besluttede:

- At Aarhus bliver demensvenlig kommune fra 2024.
- At der afsættes 400.000 kr. årligt i 2024-2026 fra MSO's fælles opsparing.

Rådmanden ønsker, at også de private hjemmeplejeleverandører og taxaselskaberne inviteres med, og at demensvenlige boliger indgår i plejeboligplanen. Udvalget orienteres i august.

Kampagnen på Verdens Alzheimerdag skal have pårørende som en tydelig målgruppe. Camilla kontakter Alzheimerforeningens lokalafdeling om frivillige instruktører til demensvenneforløbene.
"""),
    outcome="decided", presenters=["Susanne Mørk Thomsen", "Camilla Lykke Rasmussen"],
    summary="Aarhus bliver demensvenlig kommune fra 2024; 400.000 kr. årligt.",
    topics=["demens", "pårørende"],
))

# ------------------------------------------------------------------ 2023-11-09 Frisættelse rammebeskrivelse (html)
DOCS.append(H(
    file="2023-11-09_raadmandsindstilling_frisaettelse-plejehjem.txt", date="2023-11-09", dept="Strategi og Udvikling",
    title="Frisættelse af plejehjemmene – forslag til rammebeskrivelse",
    baggrund=[
        "Regeringen har med udspillet til en ny ældrelov lagt op til, at kommunerne kan frisætte plejehjem og hjemmepleje fra en række regler. Samtidig har byrådet i budgetforliget for 2024 besluttet, at Aarhus skal være foregangskommune for frisættelse af ældreplejen.",
        "Strategi og Udvikling har udarbejdet et udkast til en rammebeskrivelse, som sætter retningen for frisættelse i MSO:",
        ("ul", ["Frisættelse af 10 plejehjem i en første bølge fra april 2024",
                "Plejehjemmene kan selv vælge, hvilke interne regler og dokumentationskrav de vil fravige",
                "Lovkrav om patientsikkerhed og magtanvendelse fastholdes"]),
        "Rammebeskrivelsen er vedlagt som bilag 1. Plejehjemslederne har haft den til kommentering.",
    ],
    kommunikation=["Der skal ske en tæt dialog med medarbejdere og pårørende. Frisættelsen kommunikeres som en tillidsreform, hvor medarbejdernes faglighed er i centrum."],
    beslutninger=["Rådmanden skal",
                  ("ul", ["Drøfte udkastet til rammebeskrivelse.",
                          "Drøfte udvælgelsen af plejehjem til første bølge."])],
    koordineret="", ansvarlig="Strategi og Udvikling/Louise Kirk Madsen", deltager="Louise Kirk Madsen (4186 1147)",
    effekt=["Frisættelsen følges af en evaluering, hvor tid hos beboerne, trivsel blandt medarbejdere og tilfredshed blandt pårørende måles før og efter."],
    finans="opsparing", years=[2024, 2025, 2026, 2027], amounts=["1.500.000", "1.500.000", "-", "-"],
    implementering=["Efter godkendelse af rammen i begyndelsen af 2024 afholdes kick-off med de udvalgte plejehjem i april."],
    oekonomi="Udgiften dækker procesunderstøttelse og evaluering.",
    referat=T("""
Rådmanden

- Drøftede udkastet til rammebeskrivelse for frisættelse af plejehjemmene.
- Drøftede udvælgelsen af plejehjem til første bølge.

Rådmanden ønsker, at borgerperspektivet står tydeligere i rammen, og at det beskrives, hvordan beboere og pårørende kan byde ind. Der skal være plads til, at plejehjem selv søger om at blive frisat. Teksten fra budgetforliget skrives ind. Rammebeskrivelsen kommer tilbage til godkendelse i begyndelsen af 2024.

Ældreministeren skal løbende orienteres og inviteres til kick-off. FOA og de faglige organisationer inddrages, inden rammen godkendes.
"""),
    outcome="discussed", presenters=["Louise Kirk Madsen"],
    summary="Udkast til rammebeskrivelse for frisættelse af plejehjem drøftet; godkendes i 2024.",
    topics=["frisættelse", "plejehjem"],
))

# ------------------------------------------------------------------ 2024-04-18 Sparekatalog Budget 2025 (tab) – postponed
DOCS.append(TB(
    file="2024-04-18_indstilling_budget-2025-sparekatalog.txt", date="2024-04-18", meeting="Chefteammøde",
    title="Budget 2025 – sparekatalog og investeringsforslag",
    sagsbehandler="Tina Kastbjerg", afdeling="(Økonomi, Henrik Dalsgaard)",
    deltagere="(Henrik Dalsgaard), (Tina Kastbjerg)",
    baggrund=T("""
Byrådet har besluttet en budgetproces for Budget 2025, hvor alle magistratsafdelinger skal udarbejde forslag til besparelser svarende til 2 % af serviceudgifterne. For MSO svarer det til 96 mio. kr. i 2025.

Samtidig forventer MSO et strukturelt merforbrug på ca. 35 mio. kr. i hjemmeplejen, og udgiften til vikarer er steget med 40 % siden 2022.

Økonomi har udarbejdet et sparekatalog i samarbejde med forvaltningscheferne. Kataloget indeholder bl.a.:

- Lukning af to aktivitetscentre (Trøjborg og Åbyhøj) – 4,2 mio. kr.
- Reduktion i rengøring hos hjemmeboende fra hver anden til hver tredje uge – 11 mio. kr.
- Færre vikarer gennem en fælles vikarenhed – 14 mio. kr.
- Takststigning på madservice – 2,8 mio. kr.
- Administrative besparelser – 18 mio. kr.
"""),
    opfoelgning="Kataloget behandles på rådmandsmødet den 3. maj og sendes herefter til Borgmesterens Afdeling.",
    kommunikation="Kataloget er fortroligt indtil offentliggørelse af magistratens budgetforslag.",
    beslutninger=T("""
CT skal:

- Drøfte og prioritere forslagene i sparekataloget.
- Beslutte, hvilke forslag der indstilles til rådmanden.
"""),
    koordinering="Koordineret med Borgmesterens Afdeling (Budget).",
    udgifter=[("2025", "-96 mio."), ("2026", "-96 mio."), ("2027", "-96 mio."), ("2028", "-96 mio.")],
    indirekte="",
    effekt="- Forslagene om rengøring og aktivitetscentre har direkte konsekvens for borgerne.",
    referat=T("""
Punktet blev udsat.

CT ønsker, at kataloget suppleres med konsekvensbeskrivelser for borgerne og medarbejderne, herunder antal stillinger, inden der prioriteres. Desuden skal det belyses, om forslaget om takststigning på madservice er i strid med de nye regler i ældreloven.

Økonomi udsender et revideret katalog den 25. april, og punktet behandles direkte på rådmandsmødet den 3. maj.

CT drøftede kort forslaget om en fælles vikarenhed, som der er bred opbakning til. Forslaget om lukning af aktivitetscentre skal vurderes i forhold til de nye tilbud til borgere over 65.
"""),
    outcome="postponed", presenters=["Henrik Dalsgaard", "Tina Kastbjerg"],
    summary="Udsat: sparekatalog til Budget 2025 (96 mio. kr.) mangler konsekvensbeskrivelser.",
    topics=["budget", "madservice", "hjemmepleje"],
))

# ------------------------------------------------------------------ 2025-01-16 Hospice driftsoverenskomst (tab, LUKKET)
DOCS.append(TB(
    file="2025-01-16_indstilling_hospice-driftsoverenskomst.txt", date="2025-01-16", meeting="Rådmandsmøde",
    title="Genforhandling af driftsoverenskomst med Hospice Egå Engsø", closed=True,
    sagsbehandler="Marianne Fog", afdeling="(Sundhed og Forebyggelse, Susanne Mørk Thomsen)",
    deltagere="(Susanne Mørk Thomsen), (Marianne Fog)",
    baggrund=T("""
Driftsoverenskomsten mellem Aarhus Kommune, Region Midtjylland og den selvejende institution Hospice Egå Engsø udløber 31. december 2025. Hospicet har i dag 16 pladser, hvoraf de 4 blev taget i brug i 2022.

Hospicet har i forhandlingerne bedt om en forhøjelse af døgntaksten fra 2.840 kr. til 3.390 kr. (19 %), primært begrundet i lønstigninger for sygeplejersker og øgede udgifter til vikarer. Aarhus Kommunes andel af taksten er 35 %, mens regionen betaler resten.

Forvaltningen har forhandlet et kompromis på plads:

- Døgntakst på 3.210 kr. fra 1. januar 2026, reguleret med pris- og lønfremskrivning.
- Hospicet forpligter sig til at tilbyde udgående palliativ rådgivning til plejehjemmene.
- Aftalen løber i fire år med mulighed for forlængelse.

Merudgiften for Aarhus Kommune bliver ca. 760.000 kr. årligt. Hospicets bestyrelsesformand, Jørgen Ravnsbæk, har meddelt, at bestyrelsen kan acceptere kompromiset, men at hospicet ellers overvejer at opsige overenskomsten.
"""),
    opfoelgning="Aftalen genforhandles i 2029. Belægning og ventetid følges kvartalsvis.",
    kommunikation="Forhandlingerne er fortrolige, indtil aftalen er underskrevet af alle parter. Taksten offentliggøres ikke før regionsrådets behandling.",
    beslutninger=T("""
Rådmanden skal beslutte:

- At godkende den forhandlede døgntakst på 3.210 kr.
- At merudgiften finansieres inden for MSOs ramme fra 2026.
"""),
    koordinering="Koordineret med Region Midtjylland (Hospitalsplanlægning) og Jura.",
    udgifter=[("2025", "0"), ("2026", "760"), ("2027", "760"), ("2028", "760")],
    indirekte="",
    effekt=T("""
- Sikrer fortsat drift af 16 hospicepladser i Aarhus.
- Flere plejehjem får adgang til palliativ rådgivning.
"""),
    referat=T("""
Rådmanden besluttede:

- At godkende den forhandlede døgntakst på 3.210 kr. fra 1. januar 2026.
- At merudgiften på ca. 760.000 kr. årligt finansieres inden for MSOs ramme.

Rådmanden ønsker, at den palliative rådgivning til plejehjemmene beskrives nærmere i aftalen med et konkret antal timer. Udvalget orienteres i et lukket punkt, når regionsrådet har behandlet aftalen.

Hvis bestyrelsen ikke kan acceptere den endelige aftaletekst, skal sagen forelægges rådmanden igen, inden der tages kontakt til alternative leverandører af hospicepladser.
"""),
    outcome="decided", presenters=["Susanne Mørk Thomsen", "Marianne Fog"],
    summary="LUKKET: ny døgntakst for Hospice Egå Engsø på 3.210 kr. (merudgift ca. 760.000 kr. årligt).",
    topics=["hospice"],
))

# ------------------------------------------------------------------ 2025-06-12 Velfærdsteknologisk strategi (html)
DOCS.append(H(
    file="2025-06-12_raadmandsindstilling_velfaerdsteknologi-strategi.txt", date="2025-06-12", dept="Digitalisering",
    title="Strategi for velfærdsteknologi og digitale løsninger 2025-2028",
    baggrund=[
        "Strategien blev drøftet på rådmandsmødet den 21. februar 2025. Den er nu tilrettet, så den rummer et tydeligt afsnit om ansvarlig brug af kunstig intelligens og et princip om, at ingen borgere må tabes digitalt.",
        "Strategien har fire indsatsområder:",
        ("ul", ["Skærmbesøg og virtuel hjemmepleje – mål om 2.500 borgere i 2028",
                "Sensorer og tryghedsteknologi på plejehjem",
                "Talegenkendelse og AI i dokumentationen",
                "Digitale løsninger til pårørende og frivillige"]),
        "Strategien er udarbejdet i samarbejde med HovedMED og Seniorrådet.",
    ],
    kommunikation=["Strategien lanceres på MSOs lederdag i september. Der udarbejdes en kort borgerrettet version."],
    beslutninger=["Rådmanden skal",
                  ("ul", ["Godkende strategien for velfærdsteknologi 2025-2028.",
                          "Godkende, at der afsættes investeringsmidler fra MSO's fælles opsparing."])],
    koordineret="Borgmesterens Afdeling (Digitalisering Aarhus)", ansvarlig="Digitalisering/Jens Ole Kirkegaard",
    deltager="Mads Overgaard (4189 5512)",
    effekt=["Strategien forventes at frigøre ca. 40 årsværk frem mod 2028, som kan bruges til omsorg og kerneopgaver. Der følges op årligt med en business case for hver indsats."],
    finans="faelles", years=[2025, 2026, 2027, 2028], amounts=["2.000.000", "6.500.000", "5.000.000", "3.000.000"],
    implementering=["Hvert indsatsområde får en ejer i linjen. Sensorer på plejehjem udrulles først på de frisatte plejehjem."],
    oekonomi="Investeringen forventes tilbagebetalt i 2029.",
    referat=T("""
Rådmanden

- Godkendte strategien for velfærdsteknologi og digitale løsninger 2025-2028.
- Godkendte, at der afsættes i alt 16,5 mio. kr. fra MSO's fælles opsparing i perioden.

Rådmanden ønsker, at brugen af AI følges af et etisk råd med deltagelse af medarbejdere og Seniorrådet. Gevinsterne skal bruges til mere tid hos borgerne, ikke kun til at dække budgetudfordringer. Strategien sendes til udvalget til orientering.

Der skal laves en plan for borgere, der ikke kan eller vil bruge digitale løsninger, herunder hjælp fra frivillige og bibliotekerne.
"""),
    outcome="decided", presenters=["Jens Ole Kirkegaard", "Mads Overgaard"],
    summary="Strategi for velfærdsteknologi 2025-2028 godkendt; 16,5 mio. kr. fra fælles opsparing.",
    topics=["digitalisering", "pårørende"],
))

# ------------------------------------------------------------------ 2025-11-06 Internationale SOSU (tab)
DOCS.append(TB(
    file="2025-11-06_indstilling_internationale-sosu-assistenter.txt", date="2025-11-06", meeting="Chefteammøde",
    title="Partnerskab om rekruttering af internationale SOSU-assistenter",
    sagsbehandler="Nanna Winther", afdeling="(HR, Sofie Brandt Iversen)",
    deltagere="(Sofie Brandt Iversen), (Nanna Winther)",
    baggrund=T("""
Chefteamet drøftede den 24. april 2025 erfaringerne med rekruttering af SOSU-medarbejdere fra udlandet. Der er nu 26 internationale medarbejdere ansat, og fastholdelsen er høj (92 % efter et år).

HR foreslår et partnerskab med et uddannelsesinstitut i Manila og VIA University College om et forløb, hvor kandidater får danskundervisning og en del af SOSU-uddannelsen, før de kommer til Aarhus. Målet er 40 nye medarbejdere om året i 2026-2028.

Partnerskabet omfatter:

- Sprogundervisning til niveau B1 inden ankomst.
- Hjælp til bolig, familiesammenføring og autorisation.
- Kollega-mentorer på alle modtagende plejehjem.
"""),
    opfoelgning="HR følger op på fastholdelse, trivsel og autorisation. Status gives halvårligt som en del af Program for rekruttering og fastholdelse.",
    kommunikation="Partnerskabet kan skabe debat. Der udarbejdes en kommunikationsplan i samarbejde med FOA og Kommunikation, før partnerskabet offentliggøres.",
    beslutninger=T("""
CT skal beslutte:

- At indgå partnerskabet for 2026-2028.
- At finansiere det via kompetenceudviklingspuljen og MSO's fælles opsparing.
"""),
    koordinering="Koordineret med FOA Aarhus, VIA University College og Borgmesterens Afdeling (Jura).",
    udgifter=[("2026", "2.800"), ("2027", "2.800"), ("2028", "2.800"), ("2029", "")],
    indirekte="Der skal afsættes mentortimer på de modtagende plejehjem (ca. 2 timer om ugen pr. ny medarbejder).",
    effekt=T("""
- 120 nye SOSU-assistenter i 2026-2028.
- Færre vikartimer på plejehjemmene.
"""),
    referat=T("""
CT tiltrådte indstillingen:

- Partnerskabet indgås for 2026-2028 med en evaluering efter første hold.
- Det finansieres via kompetenceudviklingspuljen (1,8 mio. kr.) og MSO's fælles opsparing (1 mio. kr.) årligt.

CT lagde vægt på, at de internationale medarbejdere skal have samme løn- og ansættelsesvilkår som øvrige, og at FOA inddrages i modtagelsen. Det skal samtidig fortsat prioriteres at rekruttere og fastholde lokalt, fx voksenelever.

Kommunikationsplanen forelægges CT, inden partnerskabet offentliggøres. De første 14 kandidater forventes at ankomme i september 2026.
"""),
    outcome="decided", presenters=["Sofie Brandt Iversen", "Nanna Winther"],
    summary="Partnerskab om 40 internationale SOSU-assistenter om året 2026-2028 tiltrådt.",
    topics=["rekruttering", "plejehjem"],
))

# ------------------------------------------------------------------ 2026-06-04 Tryghedsboliger og 65+ (tab)
DOCS.append(TB(
    file="2026-06-04_indstilling_tryghedsboliger-65plus.txt", date="2026-06-04", meeting="Rådmandsmøde",
    title="Tryghedsboliger og nye tilbud til borgere over 65 år",
    sagsbehandler="Signe Brix", afdeling="(Pleje og Plejehjem, Line Bak Sørensen)",
    deltagere="(Line Bak Sørensen), (Signe Brix), (evt. Bo Lindholm)",
    baggrund=T("""
Plejeboligplanen viser, at behovet for plejeboliger kan reduceres, hvis flere ældre tilbydes en bolig med tryghed og fællesskab, før der er behov for pleje døgnet rundt. Samtidig viser evalueringen af seniorfællesskaberne, at efterspørgslen er stor: der var 340 ansøgere til 48 boliger.

Forslaget er at etablere tryghedsboliger i tre bydele:

- Gellerup: 36 boliger i samarbejde med Brabrand Boligforening.
- Risskov: 28 boliger ved Plejecenter Egebjerg med adgang til fællesarealer og café.
- Lisbjerg: 40 boliger ved det nye Plejecenter Lisbjerg Bakke.

Tryghedsboligerne har en vært, der arrangerer fællesskab og kan tilkalde hjælp. Samtidig udvides 'Motion for 65+' til hele kommunen.
"""),
    opfoelgning="Der gives status, når de første boliger tages i brug i 2028.",
    kommunikation="Projektet præsenteres for de lokale råd og Seniorrådet.",
    beslutninger=T("""
Rådmanden skal beslutte:

- At gå videre med tryghedsboliger i Gellerup, Risskov og Lisbjerg.
- At forslaget indgår som budgetønske til Budget 2027.
"""),
    koordinering="Koordineret med Teknik og Miljø (Byudvikling) og boligorganisationerne.",
    udgifter=[("2026", "300"), ("2027", "2.100"), ("2028", "4.800"), ("2029", "4.800")],
    indirekte="",
    effekt=T("""
- Udskyder behovet for plejebolig for en del af beboerne.
- Forebygger ensomhed blandt borgere over 65 år.
"""),
    referat=T("""
Rådmanden besluttede:

- At gå videre med tryghedsboliger i Gellerup, Risskov og Lisbjerg.
- At forslaget indgår som budgetønske til Budget 2027 med et driftstilskud til værtsfunktionen.

Rådmanden ønsker, at der ses på, om tryghedsboliger kan kombineres med et tilbud om fællesspisning, og at boligerne gøres demensvenlige. Lokalrådene inddrages tidligt.

I Gellerup skal projektet koordineres med helhedsplanen for området. Signe og Bo Lindholm udarbejder en tidsplan, som forelægges sammen med budgetønsket.
"""),
    outcome="decided", presenters=["Line Bak Sørensen", "Signe Brix"],
    summary="Tryghedsboliger i Gellerup, Risskov og Lisbjerg; budgetønske til Budget 2027.",
    topics=["65+", "plejehjem", "ensomhed", "budget"],
))
