from common import I, T, CT_2019, CT_2023, CT_2024, CT_2025

DOCS = []

# ------------------------------------------------------------------ 2022-01-28 Rådmandsmøde (plain)
DOCS.append({
    "file": "2022-01-28_raadmandsmoede.txt", "fmt": "plain", "kind": "Rådmandsmøde", "date": "2022-01-28",
    "start": "12:00", "end": "13:15", "place": "Virtuelt", "participants": CT_2019,
    "items": [
        I(1, "Rehabilitering – evaluering af hverdagsrehabilitering", "Anders Bjerre og Louise Hein", ("12.00", "12.20"), T("""
Rådmandsmødet tog evalueringen af hverdagsrehabilitering til efterretning. 64 % af de borgere, der har gennemført et rehabiliteringsforløb, har efterfølgende haft behov for mindre hjælp eller ingen hjælp. Effekten er størst for borgere, der søger praktisk hjælp første gang.

Evalueringen peger på, at forløbene virker bedst, når ergoterapeuter og hjemmeplejens medarbejdere planlægger sammen. Der er udfordringer med at fastholde effekten efter seks måneder. Rådmanden ønsker, at der ses på en opfølgning efter et halvt år, og at erfaringerne indgår i arbejdet med en ny model for genoptræning.
"""), "noted", "64 % har brug for mindre eller ingen hjælp efter hverdagsrehabilitering.", topics=["rehabilitering"]),
        I(2, "Skærmbesøg og velfærdsteknologi – udrulning", "Mads Overgaard", ("12.20", "12.40"), T("""
Rådmanden besluttede at udrulle skærmbesøg til hele hjemmeplejen i løbet af 2022 på baggrund af den positive evaluering af pilotprojektet i Viby og Tilst.

- Skærmbesøg tilbydes borgere, hvor et virtuelt besøg kan erstatte et fysisk besøg, fx ved medicinpåmindelse og tryghedsopkald.
- Det skal altid være borgerens eget valg.
- Der sættes et mål om 1.000 borgere med skærmbesøg ved udgangen af 2022.

I pilotprojektet sparede medarbejderne gennemsnitligt 14 minutters kørsel pr. erstattet besøg, og 87 % af borgerne var tilfredse. Udrulningen finansieres af de afsatte investeringsmidler til velfærdsteknologi.
"""), "decided", "Skærmbesøg udrulles til hele hjemmeplejen i 2022; mål 1.000 borgere.", topics=["digitalisering", "hjemmepleje"]),
        I(3, "Fastholdelse af SOSU-elever", "Nanna Winther", ("12.40", "13.00"), T("""
Rådmandsmødekredsen drøftede frafaldet blandt SOSU-elever. 31 % af eleverne på SOSU-hjælperuddannelsen og 22 % på SOSU-assistentuddannelsen falder fra, og mange falder fra i praktikken.

Drøftelsen handlede om:

- Flere praktikvejledere med tid afsat til eleverne.
- Bedre modtagelse af elever med anden etnisk baggrund, herunder sprogstøtte.
- Et tættere samarbejde med SOSU Østjylland om de elever, der er i risiko for at falde fra.

HR udarbejder en handleplan for fastholdelse af elever, som forelægges til beslutning i maj.
"""), "discussed", "Frafald blandt SOSU-elever (31 %/22 %); handleplan forelægges i maj.", topics=["rekruttering"]),
        I(4, "Eventuelt", "", ("13.00", "13.15"), T("""
Omikron: Der er højt sygefravær i flere enheder. Der er indført midlertidige nødplaner i hjemmeplejen, og ikke-kritiske besøg kan udskydes efter faglig vurdering.
"""), "noted", "Omikron og nødplaner i hjemmeplejen.", topics=["covid-19"]),
    ],
})

# ------------------------------------------------------------------ 2022-05-13 Rådmandsmøde (md)
DOCS.append({
    "file": "2022-05-13_raadmandsmoede.md", "fmt": "md", "kind": "Rådmandsmøde", "date": "2022-05-13",
    "start": "08:30", "end": "10:05", "place": "Rådhuset, vær. 489", "info_style": "inline", "participants": CT_2019,
    "items": [
        I(1, "Budgetforslag 2023 – MSOs budgetbidrag", "Henrik Dalsgaard og Kristoffer Dam", ("8.30", "9.00"), T("""
Rådmanden godkendte MSOs budgetbidrag til Budget 2023 med følgende prioriterede budgetønsker:

- Demografi til hjemmepleje og plejeboliger (regulering på 42 mio. kr. i 2023)
- Handleplan for fastholdelse af SOSU-elever (4,5 mio. kr.)
- Styrkelse af demensindsatsen med en demensenhed til borgere med svær demens (6 mio. kr.)
- Drift af nyt omsorgssystem (1,8 mio. kr.)

Rådmanden ønsker, at stigende priser på energi og fødevarer til madservice og plejehjem beskrives som en særskilt udfordring. Budgetbidraget sendes til Borgmesterens Afdeling den 1. juni.
"""), "decided", "Budgetbidrag 2023 godkendt: demografi, SOSU-elever, demensenhed, omsorgssystem.", topics=["budget", "demens", "rekruttering"]),
        I(2, "Fastholdelse af SOSU-elever – handleplan", "Nanna Winther og Mette Friis Lauridsen", ("9.00", "9.20"), T("""
Rådmanden godkendte handleplanen for fastholdelse af SOSU-elever. Handleplanen indeholder:

1. 20 ekstra praktikvejledere med 4 timer om ugen afsat til elever.
2. Sprogmakker-ordning for elever med dansk som andetsprog.
3. Fælles trivselssamtale med SOSU Østjylland efter 6 uger i praktik.
4. Elevløn for voksenelever på niveau med ufaglærte medarbejdere.

Handleplanen finansieres delvist af de midler, der er søgt i Budget 2023. Første del iværksættes fra august 2022 inden for HR's ramme. Målet er at halvere frafaldet i praktikken inden 2025.
"""), "decided", "Handleplan for fastholdelse af SOSU-elever godkendt; mål om halveret frafald.", topics=["rekruttering"]),
        I(3, "Plejeboligbehov frem mod 2032", "Bo Lindholm og Anette Brøndum", ("9.20", "9.45"), T("""
Rådmandsmødekredsen drøftede den nye prognose for plejeboligbehovet. Antallet af borgere over 80 år i Aarhus stiger med ca. 60 % frem mod 2032, og der vil være behov for ca. 550 ekstra plejeboliger, hvis dækningsgraden fastholdes.

Kredsen drøftede:

- Placering af et nyt plejecenter i Lisbjerg med 120 boliger som første etape.
- Om Skovgården og Tilst Bakke skal sammenlægges i et nyt byggeri.
- Muligheden for flere tryghedsboliger som alternativ for borgere, der ikke har behov for pleje døgnet rundt.

Bo udarbejder en plejeboligplan med økonomi, som forelægges i efteråret.
"""), "discussed", "Prognose: ca. 550 ekstra plejeboliger frem mod 2032; nyt plejecenter i Lisbjerg.", topics=["plejehjem"]),
        I(4, "Demens – status på demensstrategien", "Camilla Lykke Rasmussen", ("9.45", "10.00"), T("""
Rådmanden tog status på demensstrategien til efterretning. Der er nu fire demenskoordinatorer, og ventetiden til et første besøg efter diagnose er 3 uger. 640 pårørende har deltaget i pårørendekurser siden 2020.

Udfordringen er fortsat borgere med svær demens og udadreagerende adfærd, hvor plejehjemmene mangler pladser med særlige kompetencer. Det indgår i budgetønsket om en demensenhed.

Rådmanden bad om, at der til efteråret laves en opgørelse over magtanvendelser på plejehjemmene over for borgere med demens, og at pårørendekurserne også tilbydes om aftenen, så pårørende i arbejde kan deltage.
"""), "noted", "Status på demensstrategien: fire demenskoordinatorer, 640 pårørende på kursus.", topics=["demens", "pårørende"]),
        I(5, "Eventuelt", "", ("10.00", "10.05"), T("""
Ingen punkter.
"""), "none", "Ingen punkter."),
    ],
})

# ------------------------------------------------------------------ 2022-10-20 Chefteammøde (plain)
DOCS.append({
    "file": "2022-10-20_chefteammoede.txt", "fmt": "plain", "kind": "Chefteammøde", "date": "2022-10-20",
    "start": "08:30", "end": "09:50", "place": "Rådhuset, vær. 489", "participants": CT_2019,
    "items": [
        I(1, "Sygefravær – handleplan for nedbringelse", "Jesper Toft og Mette Friis Lauridsen", ("8.30", "8.55"), T("""
Chefteamet besluttede en ny handleplan for nedbringelse af sygefraværet, som i 2022 ligger på 9,3 % mod 8,1 % før pandemien.

- Alle enheder med et fravær over 10 % får tilknyttet en fraværskonsulent fra HR.
- Der indføres systematiske fraværssamtaler efter 3 sygedage inden for 3 måneder.
- Arbejdsmiljøindsatsen kobles med indsatsen mod alenearbejde og vold.

Chefteamet ønsker opfølgning hvert kvartal, og at tallene for sygefravær også opgøres for elever og nyansatte. Målet er et fravær under 8 % ved udgangen af 2024.
"""), "decided", "Ny handleplan for sygefravær (9,3 %): fraværskonsulenter og fraværssamtaler.", topics=["sygefravær"]),
        I(2, "Besparelser – implementering af budgetforlig 2023", "Ole Sandholm og Henrik Dalsgaard", ("8.55", "9.20"), T("""
Chefteamet godkendte implementeringsplanen for de besparelser, der følger af budgetforliget for 2023 (i alt 18,4 mio. kr.):

1. Reduktion af ledelseslag i hjemmeplejen fra 1. januar 2023.
2. Ny indkøbsaftale for hjælpemidler.
3. Digitalisering af visitationens sagsbehandling.
4. Tilpasning af administrationen i Værkmestergade (8 årsværk, primært ved naturlig afgang).

Besparelserne skal gennemføres med mindst mulig konsekvens for borgerne. HovedMED inddrages i implementeringen, og forvaltningscheferne rapporterer i budgetopfølgningen.
"""), "decided", "Implementeringsplan for besparelser på 18,4 mio. kr. i Budget 2023.", topics=["budget"]),
        I(3, "Tjenestecykler og rejsekort til hjemmeplejens medarbejdere", "Lene Kvist", ("9.20", "9.35"), T("""
Chefteamet godkendte, at der indkøbes 60 el-cykler til hjemmeplejens medarbejdere i de centrale bydele (Midtbyen, Trøjborg og Frederiksbjerg), hvor parkering er en udfordring. Samtidig gives der adgang til rejsekort til tjenestekørsel med letbanen.

Udgiften på 720.000 kr. afholdes af hjemmeplejens driftsbudget og forventes tjent hjem via lavere udgifter til leasingbiler. Ordningen evalueres efter et år.

Chefteamet bemærkede, at ordningen alene handler om medarbejdernes transport og ikke berører borgernes hjælp eller visitation. Arbejdsmiljørepræsentanterne inddrages i valg af cykler og regnudstyr.
"""), "decided", "Decoy: el-cykler og rejsekort til medarbejdere (ikke klippekort/hjemmehjælp).", topics=["decoy:klippekort"]),
        I(4, "Klippekort – status på den målrettede ordning", "Malene Juul Poulsen", ("9.35", "9.45"), T("""
Chefteamet tog status på klippekortordningen til efterretning. 1.130 hjemmeboende borgere har klippekort, og forbruget er 79 %. Klippene bruges især til gåture, indkøb og hjælp til at komme til arrangementer på lokalcentrene.

Der har været 14 klager over målretningen i 2021, men ingen i 2022. Ordningen fortsætter uændret i 2023.

Chefteamet bemærkede, at omkring en tredjedel af klippene bruges sammen med frivillige besøgsvenner, og at ordningen dermed også understøtter indsatsen mod ensomhed. Visitationen følger op, hvis forbruget falder under 70 %.
"""), "noted", "1.130 hjemmeboende har klippekort; ordningen fortsætter i 2023.", topics=["klippekort"]),
        I(5, "Eventuelt", "", ("9.45", "9.50"), T("""
Kommende møder – mødet den 3. november flyttes til den 4. november kl. 8.30.
"""), "noted", "Mødeflytning."),
    ],
})

# ------------------------------------------------------------------ 2023-02-10 Rådmandsmøde (md) – closed Punkt 4
DOCS.append({
    "file": "2023-02-10_raadmandsmoede.md", "fmt": "md", "kind": "Rådmandsmøde", "date": "2023-02-10",
    "start": "08:30", "end": "10:00", "place": "Rådhuset, vær. 489", "info_style": "inline", "participants": CT_2023,
    "items": [
        I(1, "Plejeboliger – nyt plejecenter i Lisbjerg", "Bo Lindholm og Line Bak Sørensen", ("8.30", "8.55"), T("""
Rådmanden godkendte, at MSO går videre med opførelse af Plejecenter Lisbjerg Bakke med 120 plejeboliger, heraf 24 skærmede boliger til borgere med demens.

- Byggeriet udbydes som totalentreprise i foråret 2023.
- Den forventede anlægsudgift er 348 mio. kr. inkl. servicearealer.
- Plejecentret forventes klar til indflytning i 2027.

Rådmanden ønsker, at pårørende, Seniorrådet og lokalrådet i Lisbjerg inddrages i udformningen af fællesarealer og udearealer, og at der tænkes i muligheder for at åbne plejecentret mod lokalsamfundet.

Det blev desuden aftalt:

- At Plejecenter Lisbjerg Bakke bygges med henblik på at kunne indgå i frisættelsen fra start.
- At der afsættes areal til 40 tryghedsboliger i en senere etape.
- At rekrutteringen af personale planlægges i god tid, da der skal ansættes ca. 140 medarbejdere.

Byggeudvalget nedsættes med deltagelse af Bo Lindholm, Line Bak Sørensen og en repræsentant for Seniorrådet. Projektforslaget forelægges rådmanden inden sommerferien.
"""), "decided", "Plejecenter Lisbjerg Bakke med 120 plejeboliger godkendt (348 mio. kr.).", topics=["plejehjem", "demens"]),
        I(2, "Ensomhed – handleplan 2.0 med venskabsbesøg og frivillige", "Pia Skovsgaard og Morten Ahrenkiel", ("8.55", "9.15"), T("""
Rådmanden godkendte handleplan 2.0 mod ensomhed blandt ældre. Planen bygger videre på erfaringerne fra 2019-2022 og indeholder:

- Venskabsbesøg for ensomme ældre i samarbejde med Røde Kors og Ældre Sagen.
- Spisefællesskaber på alle lokalcentre mindst én gang om ugen.
- En særlig indsats for ældre mænd, som sjældent benytter lokalcentrene.
- Opfølgning på borgere, der har mistet en ægtefælle.

Indsatsen finansieres af de eksisterende 1,5 mio. kr. årligt. Rådmanden lagde vægt på, at frivillige ikke skal erstatte kommunens opgaver, men supplere dem.
"""), "decided", "Handleplan 2.0 mod ensomhed godkendt: venskabsbesøg, spisefællesskaber, ældre mænd.", topics=["ensomhed"]),
        I(3, "Tillidsreform – afbureaukratisering i hjemmeplejen", "Louise Kirk Madsen", ("9.15", "9.35"), T("""
Rådmandsmødekredsen drøftede, hvordan den kommende tillidsreform kan omsættes i hjemmeplejen. Der er i dag mange regler og dokumentationskrav, som medarbejderne oplever tager tid fra borgerne.

- Medarbejderne peger især på dobbeltdokumentation i omsorgssystemet og detaljerede ydelseskataloger.
- Der er ønske om at afprøve selvstyrende teams med større råderum over planlægningen.
- Det skal undersøges, hvilke krav der er lovbestemte, og hvilke vi selv har indført.

Louise udarbejder en oversigt over regler, der kan afskaffes, og kommer med forslag til forsøg med frisættelse.
"""), "discussed", "Tillidsreform i hjemmeplejen: færre dokumentationskrav, selvstyrende teams.", topics=["frisættelse", "hjemmepleje"]),
        I(4, "Rekruttering af ny forvaltningschef for Pleje og Plejehjem", "Anders Vestergaard Lund", ("9.35", "9.50"), None, "decided",
          "Lukket punkt (ikke i den offentliggjorte tekst): ansættelsesudvalg og kandidater til forvaltningschefstilling.",
          closed=True, topics=["decoy:rekruttering"]),
        I(5, "Eventuelt", "", ("9.50", "10.00"), T("""
Kommende møder – uændret.

MSO afgiver høringssvar om udspillet til ny ældrelov gennem KL. Louise koordinerer.
"""), "noted", "Høringssvar om ny ældrelov.", pre=T("""
- 5.1. Kommende møder
- 5.2. Høring om ny ældrelov
"""), topics=["ældreloven"]),
    ],
})

# ------------------------------------------------------------------ 2023-08-24 Chefteammøde (plain)
DOCS.append({
    "file": "2023-08-24_chefteammoede.txt", "fmt": "plain", "kind": "Chefteammøde", "date": "2023-08-24",
    "start": "08:30", "end": "09:50", "place": "Værkmestergade 15, mødelokale 4.07", "participants": CT_2023,
    "items": [
        I(1, "Budgetopfølgning pr. 30. juni 2023", "Tina Kastbjerg", ("8.30", "8.50"), T("""
Chefteamet tog opfølgningen på budgettet pr. 30. juni til efterretning. Der forventes et merforbrug på 23,5 mio. kr., især på grund af højere priser på energi og fødevarer samt øgede udgifter til vikarer i hjemmeplejen og på plejehjemmene.

Økonomi foreslår, at merforbruget delvist dækkes af opsparingen, men chefteamet ønsker også konkrete tiltag i driften, herunder et stop for nye vikarbureauaftaler. Forvaltningscheferne melder tilbage senest 15. september.

Chefteamet bad desuden Økonomi om at opgøre, hvor stor en del af merforbruget der er midlertidigt, og hvor meget der er strukturelt, så det kan indgå i budgetforhandlingerne med Borgmesterens Afdeling.
"""), "noted", "Forventet merforbrug 23,5 mio. kr. (energi, fødevarer, vikarer).", topics=["budget"]),
        I(2, "Madservice – overgang til ny leverandør", "Eva Damsgaard", ("8.50", "9.05"), T("""
Chefteamet tog orienteringen om overgangen til ny leverandør af madservice til hjemmeboende til efterretning. Overgangen sker 1. oktober 2023. 2.650 borgere har fået brev med nyt bestillingsskema, og der afholdes smagsdage på seks lokalcentre i september.

Visitationen har ekstra telefontid i overgangsperioden. Chefteamet bad om, at henvendelser og klager registreres, så der kan følges op efter tre måneder.

Borgere, der har særlige diæter eller tyggevanskeligheder, kontaktes personligt af en diætist inden overgangen. Det Gode Køkken fortsætter uændret med maden til plejehjemmene.
"""), "noted", "Overgang til ny madserviceleverandør 1. oktober 2023.", topics=["madservice"]),
        I(3, "Velfærdsteknologi – AI og talegenkendelse i dokumentationen", "Mads Overgaard og Julie Fisker", ("9.05", "9.30"), T("""
Chefteamet drøftede muligheden for at anvende kunstig intelligens (AI) til dokumentation i det nye omsorgssystem. Et forsøg med talegenkendelse i sygeplejen viser, at medarbejderne kan spare op til 20 minutter pr. vagt.

- Der er usikkerhed om datasikkerhed og brug af sprogmodeller, hvor data behandles uden for EU.
- Medarbejdere med dansk som andetsprog kan have særlig gavn af løsningen.
- Det skal afklares med Jura og databeskyttelsesrådgiveren, hvordan løsningen kan anvendes lovligt.

Chefteamet ønsker et samlet forslag til en digital løsning, der kan afprøves i 2024, med en tydelig business case.
"""), "discussed", "AI og talegenkendelse til dokumentation; datasikkerhed skal afklares.", topics=["digitalisering"]),
        I(4, "Julefrokost og personalearrangementer – budget 2023", "Nanna Winther", ("9.30", "9.40"), T("""
Chefteamet godkendte, at tilskuddet til julefrokost og personalearrangementer fastholdes på 300 kr. pr. medarbejder i 2023. Tilskuddet afholdes af de enkelte enheders budget.

Der må ikke anvendes midler fra fælles puljer til personalearrangementer. Budgettet til personalearrangementer er ikke en del af MSOs budgetforslag og berøres ikke af budgetopfølgningen.

Enheder i hjemmeplejen og på plejehjemmene kan afholde arrangementet i januar, så det ikke kolliderer med juleferien og vagtplanerne.
"""), "decided", "Decoy: tilskud til julefrokost (ikke årsbudgettet).", topics=["decoy:budget"]),
        I(5, "Eventuelt", "", ("9.40", "9.50"), T("""
Henrik orienterede om, at magistraten behandler budgetforslaget den 28. august.
"""), "noted", "Magistratsbehandling af budgetforslaget.", topics=["budget"]),
    ],
})

# ------------------------------------------------------------------ 2024-02-16 Rådmandsmøde (md)
DOCS.append({
    "file": "2024-02-16_raadmandsmoede.md", "fmt": "md", "kind": "Rådmandsmøde", "date": "2024-02-16",
    "start": "08:30", "end": "10:00", "place": "Rådhuset, vær. 489", "info_style": "blocks", "pkt_dot": True,
    "participants": None,
    "items": [
        I(1, "Frisættelse af plejehjemmene – rammebeskrivelse", "Louise Kirk Madsen", ("8.30", "9.00"), T("""
Rådmanden godkendte den reviderede rammebeskrivelse for frisættelse af plejehjemmene som fælles afsæt for arbejdet.

- 12 plejehjem indgår i første bølge, heraf to som har søgt om det på eget initiativ.
- Beboerrådene og pårørenderådene inddrages i, hvilke regler der skal fraviges.
- Ældreministeren inviteres til kick-off den 18. april.

Rådmanden lagde vægt på, at frisættelse handler om mere tid og nærvær for beboerne og ikke om besparelser. Der afsættes 1,5 mio. kr. årligt i 2024 og 2025 til procesunderstøttelse og evaluering. Første evaluering forelægges i foråret 2025.
"""), "decided", "Rammebeskrivelse for frisættelse godkendt; 12 plejehjem i første bølge.", topics=["frisættelse", "plejehjem"]),
        I(2, "Program for rekruttering og fastholdelse", "Sofie Brandt Iversen og Nanna Winther", ("9.00", "9.25"), T("""
Rådmanden godkendte Program for rekruttering og fastholdelse 2024-2026. Programmet samler de tidligere indsatser og tilføjer nye:

1. Introduktionsprogram for alle nye medarbejdere, herunder fast mentor i de første 3 måneder.
2. Kompetenceudviklingspulje på 5,5 mio. kr. årligt, som enhederne kan søge.
3. Bedre brug af kompetencer, så sygeplejersker og SOSU-assistenter bruger mere tid på faglige opgaver.
4. Forsøg med rekruttering af SOSU-medarbejdere fra udlandet.

Medarbejdermanglen er fortsat den største udfordring for MSO, og der er aktuelt 410 ubesatte stillinger. Rådmanden ønsker halvårlig status.
"""), "decided", "Program for rekruttering og fastholdelse 2024-2026 godkendt; 410 ubesatte stillinger.", topics=["rekruttering"]),
        I(3, "Nye tilbud til borgere over 65 – seniorbofællesskaber og aktivitet", "Signe Brix", ("9.25", "9.50"), T("""
Rådmandsmødekredsen drøftede behovet for nye tilbud til borgere over 65 år, som er friske, men som vil forebygge ensomhed og fysisk tilbagegang. Mange af de nye seniorer efterspørger andre aktiviteter end dem, lokalcentrene tilbyder i dag.

- Der er interesse for seniorbofællesskaber, og flere boligforeninger har henvendt sig.
- Lokalcentrene kan åbne mere op for selvorganiserede aktiviteter og aftenåbent.
- Samarbejde med idrætsforeninger om motion for 65+.

Signe udarbejder et oplæg til en samlet plan for seniortilbud, som forelægges i efteråret.
"""), "discussed", "Behov for nye seniortilbud for 65+: bofællesskaber, aftenåbent, motion.", topics=["65+", "ensomhed"]),
        I(4, "Eventuelt", "", ("9.50", "10.00"), T("""
Kommende møder – to ekstra møder om Budget 2025 lægges ind i marts og april.
"""), "noted", "Ekstra møder om Budget 2025.", pre=T("""
- 4.1. Kommende møder
"""), topics=["budget"]),
    ],
})

# ------------------------------------------------------------------ 2024-05-03 Rådmandsmøde (plain)
DOCS.append({
    "file": "2024-05-03_raadmandsmoede.txt", "fmt": "plain", "kind": "Rådmandsmøde", "date": "2024-05-03",
    "start": "08:30", "end": "10:00", "place": "Rådhuset, vær. 489", "participants": CT_2024,
    "items": [
        I(1, "Budget 2025 – sparekatalog", "Henrik Dalsgaard og Tina Kastbjerg", ("8.30", "9.10"), T("""
Rådmanden besluttede, hvilke besparelsesforslag der indgår i MSOs bidrag til Budget 2025:

- Fælles vikarenhed (14 mio. kr.)
- Administrative besparelser (18 mio. kr.)
- Ny model for hjælpemidler og genbrug (7,5 mio. kr.)
- Digital visitation og færre revurderinger (6 mio. kr.)

Forslaget om at reducere rengøring til hver tredje uge og forslaget om lukning af aktivitetscentrene Trøjborg og Åbyhøj indgår ikke. Takststigning på madservice tages ud, da den ikke er forenelig med ældreloven. Der mangler fortsat at blive anvist ca. 50 mio. kr., som drøftes med borgmesteren.

Rådmanden ønsker, at der i materialet til magistraten tydeligt står:

- Konsekvenser for borgerne:
  - Ingen ændring i rengøringsfrekvensen.
  - Aktivitetscentrene fastholdes, men åbningstider kan tilpasses lokalt.
- Konsekvenser for medarbejderne:
  - Ca. 25 årsværk i administrationen, primært ved naturlig afgang.
  - Vikarenheden skal sikre faste vikarer frem for bureauvikarer.

HovedMED orienteres den 13. maj. Økonomi sender det samlede materiale til Borgmesterens Afdeling den 17. maj.
"""), "decided", "Besparelser til Budget 2025 besluttet (vikarenhed, administration m.m.); rengøring og aktivitetscentre friholdt.", topics=["budget", "madservice"]),
        I(2, "Selvstyrende teams i hjemmeplejen – frisættelse", "Louise Kirk Madsen og Lene Kvist", ("9.10", "9.30"), T("""
Rådmandsmødekredsen drøftede forslaget om at afprøve selvstyrende teams i hjemmeplejen inspireret af den hollandske Buurtzorg-model. Teams på 10-12 medarbejdere får ansvar for en fast gruppe borgere og planlægger selv besøgene.

Kredsen lagde vægt på:

- At borgerne skal opleve færre forskellige medarbejdere i hjemmet.
- At teamene skal have reel frihed fra detaljeret visitation.
- At det skal afklares, hvordan frit valg og private leverandører påvirkes.

Forslaget justeres og kommer tilbage sammen med den samlede plan for implementering af ældreloven.
"""), "discussed", "Selvstyrende teams i hjemmeplejen (Buurtzorg-inspireret) drøftet.", topics=["frisættelse", "hjemmepleje"]),
        I(3, "Genoptræning – ny model for genoptræning efter sundhedsloven", "Anders Bjerre", ("9.30", "9.45"), T("""
Rådmanden godkendte en ny model for genoptræning efter sundhedslovens § 140. Genoptræningen samles i tre centre (Sundhedshuset Viby, MarselisborgCentret og Sundhedshuset Skejby), og borgere med behov for træning i eget hjem får forløb af et mobilt team.

Modellen skal nedbringe ventetiden, som i 1. kvartal 2024 var 12 dage. Samtidig kobles genoptræning og hverdagsrehabilitering tættere sammen, så borgeren oplever ét samlet forløb. Modellen træder i kraft 1. september 2024.
"""), "decided", "Ny model for genoptræning i tre centre og mobilt team fra 1. september 2024.", topics=["rehabilitering"]),
        I(4, "Akut IT-nedbrud i omsorgssystemet – beredskab", "Mads Overgaard", ("9.45", "9.55"), T("""
Rådmanden tog orienteringen om nedbruddet i omsorgssystemet den 22. april til efterretning. Systemet var utilgængeligt i 5 timer, og medarbejderne i hjemmeplejen og på plejehjemmene måtte arbejde efter papirlister.

Digitalisering har sammen med leverandøren gennemgået forløbet. Beredskabsplanen opdateres, så alle enheder har en nødliste over medicin og besøg, der printes hver morgen. Ingen borgere kom til skade.

Rådmanden bad om, at leverandøren redegør skriftligt for årsagen, og at kontrakten gennemgås for muligheden for bod. Orienteringen sendes til udvalget.
"""), "noted", "Decoy for akutfunktion: nedbrud i omsorgssystemet og IT-beredskab.", topics=["digitalisering", "decoy:akutfunktion"]),
        I(5, "Eventuelt", "", ("9.55", "10.00"), T("""
Ingen punkter.
"""), "none", "Ingen punkter."),
    ],
})

# ------------------------------------------------------------------ 2024-10-10 Chefteammøde (md)
DOCS.append({
    "file": "2024-10-10_chefteammoede.md", "fmt": "md", "kind": "Chefteammøde", "date": "2024-10-10",
    "start": "08:30", "end": "09:45", "place": "Virtuelt", "info_style": "inline", "participants": CT_2024,
    "items": [
        I(1, "Ældreloven – implementeringsplan", "Louise Kirk Madsen og Rikke Høyer Andersen", ("8.30", "9.00"), T("""
Chefteamet godkendte implementeringsplanen for den nye ældrelov, som træder i kraft 1. juli 2025.

- Helhedspleje: Hjemmeplejen omlægges fra ydelser til en samlet helhedspleje i faste teams, startende i Område Nord.
- Visitation: Afgørelser om hjemmehjælp træffes efter en helhedsvurdering; der udarbejdes nye kvalitetsstandarder.
- Frit valg: De private leverandører orienteres og inddrages i omlægningen.
- Tilsyn: Det kommunale tilsyn tilpasses det nye ældretilsyn.

Chefteamet ønsker, at erfaringerne fra selvstyrende teams og frisættelse af plejehjem bygges ind i helhedsplejen. Der gives månedlig status frem til 1. juli 2025.

Chefteamet drøftede desuden kommunikationen:

- Til borgerne: Alle borgere med hjemmehjælp får brev om, hvad helhedspleje betyder for dem, og at der ikke sker ændringer uden en ny samtale.
- Til medarbejderne: Temamøder i alle hjemmeplejegrupper i foråret 2025.
- Til pårørende: Information via aarhus.dk og pårørendeappen.

Rikke vurderer behovet for ekstra ressourcer i Visitationen i overgangsperioden, hvor mange borgere skal revurderes.
"""), "decided", "Implementeringsplan for ældreloven godkendt: helhedspleje, visitation, frit valg, tilsyn.", topics=["ældreloven", "hjemmepleje", "frisættelse"]),
        I(2, "Sygefravær og arbejdsmiljø – status 2024", "Sofie Brandt Iversen og Jesper Toft", ("9.00", "9.20"), T("""
Chefteamet tog status på sygefravær og arbejdsmiljø til efterretning. Sygefraværet for de første tre kvartaler af 2024 er 8,6 %, hvilket er et fald fra 9,3 % i 2022, men målet om et fravær under 8 % er ikke nået.

Fraværet er faldet mest i de enheder, der har fået fraværskonsulent. Der er fortsat mange arbejdsskader ved forflytninger på plejehjemmene. Chefteamet bad om, at der ses særskilt på forflytningsudstyr i budgetforslaget for 2026.

Trivselsmålingen viser samtidig en lille fremgang i hjemmeplejen, hvor flere medarbejdere oplever at kunne nå deres opgaver. Sofie præsenterer en samlet status for arbejdsmiljøet i foråret.
"""), "noted", "Sygefravær 8,6 % i 2024; mange arbejdsskader ved forflytninger.", topics=["sygefravær"]),
        I(3, "Nye tilbud for 65+ – seniorfællesskaber", "Signe Brix", ("9.20", "9.40"), T("""
Chefteamet besluttede at igangsætte tre nye tilbud for borgere over 65 år:

1. Seniorfællesskaber i samarbejde med Brabrand Boligforening og AAB (to forsøg i 2025).
2. Aftenåbent på fire lokalcentre med selvorganiserede aktiviteter.
3. 'Motion for 65+' i samarbejde med DGI og lokale idrætsforeninger.

Tilbuddene finansieres af de midler, der frigøres fra de tidligere aktivitetsmidler, i alt 2,4 mio. kr. Signe følger op med en evaluering i slutningen af 2025.
"""), "decided", "Tre nye tilbud for 65+ besluttet: seniorfællesskaber, aftenåbent, Motion for 65+.", topics=["65+"]),
        I(4, "Eventuelt", "", ("9.40", "9.45"), T("""
Kommende møder – uændret.
"""), "none", "Ingen punkter ud over mødeplan."),
    ],
})

# ------------------------------------------------------------------ 2025-02-21 Rådmandsmøde (plain)
DOCS.append({
    "file": "2025-02-21_raadmandsmoede.txt", "fmt": "plain", "kind": "Rådmandsmøde", "date": "2025-02-21",
    "start": "08:30", "end": "10:00", "place": "Rådhuset, vær. 489", "participants": CT_2025,
    "items": [
        I(1, "Opfølgning på budgettet – regnskab 2024", "Tina Kastbjerg", ("8.30", "8.50"), T("""
Rådmandsmødet tog orienteringen om regnskab 2024 til efterretning. MSO endte med et merforbrug på 14,8 mio. kr., som dækkes af opsparingen. Merforbruget skyldes især hjemmeplejen og udgifter til vikarer, mens den fælles vikarenhed endnu ikke har givet den forventede besparelse.

Økonomi vurderer, at opsparingen ved udgangen af 2024 er på 22 mio. kr. og dermed ikke kan dække et tilsvarende merforbrug i 2025. Der udarbejdes en handleplan for økonomien, som forelægges på næste rådmandsmøde.
"""), "noted", "Regnskab 2024: merforbrug 14,8 mio. kr.; handleplan for økonomien følger.", topics=["budget"]),
        I(2, "Digitalisering – strategi for velfærdsteknologi 2025-2028", "Mads Overgaard og Jens Ole Kirkegaard", ("8.50", "9.15"), T("""
Rådmandsmødekredsen drøftede udkastet til en ny strategi for velfærdsteknologi og digitale løsninger. Strategien bygger videre på erfaringerne med skærmbesøg, pårørendeappen og talegenkendelse.

Kredsen drøftede:

- Hvordan AI kan bruges til dokumentation og planlægning uden at gå på kompromis med datasikkerheden.
- Sensorteknologi på plejehjem om natten (fx faldsensorer), så beboerne forstyrres mindre.
- At borgere, der ikke er digitale, ikke må blive tabt.

Strategien tilrettes og kommer tilbage til beslutning i juni.
"""), "discussed", "Udkast til strategi for velfærdsteknologi 2025-2028 (AI, sensorer, skærmbesøg).", topics=["digitalisering"]),
        I(3, "Hospice – orientering om ny driftsoverenskomst", "Marianne Fog", ("9.15", "9.25"), T("""
Rådmanden tog orienteringen om den nye driftsoverenskomst med Hospice Egå Engsø til efterretning. Regionsrådet har godkendt aftalen, som løber fra 2026 til 2029. Aftalen sikrer fortsat 16 hospicepladser og udgående palliativ rådgivning til plejehjemmene svarende til 600 timer årligt.

Ventetiden til hospice var i 2024 i gennemsnit 6 dage. Orienteringen sendes videre til udvalget.

Rådmanden ønsker, at plejehjemmene hurtigt får kendskab til den udgående rådgivning, og at brugen af timerne opgøres efter det første år. Den palliative indsats i hjemmeplejen skal ses i sammenhæng med aftalen.
"""), "noted", "Ny driftsoverenskomst med Hospice Egå Engsø 2026-2029 (16 pladser).", topics=["hospice"]),
        I(4, "Pårørende – evaluering af pårørendepolitikken", "Helle Munk Bertelsen", ("9.25", "9.45"), T("""
Rådmandsmødet tog evalueringen af pårørendepolitikken til efterretning. Evalueringen viser, at 38 ud af 44 plejehjem har en fast pårørendekontakt, og at pårørendesamtalen ved indflytning er gennemført i 81 % af tilfældene. Pårørendeappen bruges af 68 % af de pårørende.

Pårørende til hjemmeboende borgere oplever derimod ikke samme forbedring. Mange efterspørger et sted at henvende sig og mulighed for aflastning. Det skal indgå i arbejdet med ældreloven og den kommende demensplan.
"""), "noted", "Evaluering af pårørendepolitikken: 38 af 44 plejehjem har pårørendekontakt.", topics=["pårørende"]),
        I(5, "Eventuelt", "", ("9.45", "10.00"), T("""
Rådmanden orienterede om mødet med ældreministeren om frisættelse den 14. februar. Ministeren har vist interesse for et besøg på et af de frisatte plejehjem.
"""), "noted", "Møde med ældreministeren om frisættelse.", topics=["frisættelse"]),
    ],
})

# ------------------------------------------------------------------ 2025-04-24 Chefteammøde (md)
DOCS.append({
    "file": "2025-04-24_chefteammoede.md", "fmt": "md", "kind": "Chefteammøde", "date": "2025-04-24",
    "start": "08:30", "end": "10:00", "place": "Rådhuset, vær. 489 - sagsbehandlere virtuelt", "info_style": "blocks",
    "participants": None,
    "items": [
        I(1, "Interne budgetforslag 2026 – proces", "Henrik Dalsgaard og Tina Kastbjerg", ("8.30", "8.50"), T("""
Chefteamet drøftede og besluttede proces og rammer for interne budgetforslag til Budget 2026.

- Forslagene skal understøtte implementeringen af ældreloven og handleplanen for økonomien.
- Forvaltningscheferne er ansvarlige for at udarbejde forslag og vurdere dem på tværs.
- Der skal indgå mindst ét investeringsforslag om forflytningsudstyr og arbejdsmiljø.
- Deadline: Uge 21

Chefteamet ønsker, at besparelser og investeringer præsenteres samlet, så konsekvenserne for borgere og medarbejdere kan ses i sammenhæng. Økonomi sender skabelon ud i næste uge.
"""), "decided", "Proces for interne budgetforslag 2026 besluttet; deadline uge 21.", topics=["budget", "sygefravær"]),
        I(2, "Rekruttering af internationale SOSU-medarbejdere", "Sofie Brandt Iversen og Nanna Winther", ("8.50", "9.15"), T("""
Chefteamet drøftede erfaringerne fra forsøget med rekruttering af SOSU-medarbejdere fra udlandet, som er en del af Program for rekruttering og fastholdelse. 18 medarbejdere fra Filippinerne og Indien er ansat på plejehjem siden efteråret 2024.

Drøftelsen pegede på:

- At danskundervisning og en kollega-mentor er afgørende for, at de nye medarbejdere bliver.
- At autorisationsprocessen hos Styrelsen for Patientsikkerhed tager for lang tid.
- At der er behov for hjælp til bolig og familie.

HR undersøger et partnerskab med et uddannelsesinstitut og vender tilbage med et konkret forslag i efteråret.
"""), "discussed", "Erfaringer med 18 internationale SOSU-medarbejdere; partnerskab undersøges.", topics=["rekruttering"]),
        I(3, "Madservice – ny menuplan og ernæring", "Eva Damsgaard", ("9.15", "9.35"), T("""
Chefteamet godkendte en ny menuplan for madservice og for maden på plejehjemmene, som følger de nye anbefalinger for ernæring til ældre. Menuen får flere proteinrige retter, mindre portioner med højere energiindhold og mulighed for at vælge mellem tre retter.

Ældreloven giver beboere på plejehjem ret til at fravælge den kommunale madordning. Det Gode Køkken undersøger, hvor mange der vil gøre brug af det. Menuplanen træder i kraft 1. september 2025.

Chefteamet bad om, at borgerne får mulighed for at smage de nye retter på lokalcentrene, og at ernæringsscreening af borgere med uplanlagt vægttab styrkes i hjemmeplejen.
"""), "decided", "Ny menuplan for madservice og plejehjem godkendt fra 1. september 2025.", topics=["madservice", "ældreloven"]),
        I(4, "Akutfunktionen – akutpladser i vinteren 2025/26", "Thomas Frølund", ("9.35", "9.55"), T("""
Chefteamet tiltrådte forslaget om at udvide antallet af midlertidige akutpladser fra 24 til 30 i perioden 1. december 2025 til 31. marts 2026 for at imødegå det forventede pres fra hospitalerne i vintermånederne.

De ekstra pladser etableres på Sundhedshuset Vejlby. Udgiften på 3,1 mio. kr. finansieres delvist af midler fra Region Midtjylland til vinterberedskab. Chefteamet ønsker en evaluering efter vinteren, herunder om genindlæggelser er faldet.

Der skal rekrutteres ca. 9 sygeplejersker og SOSU-assistenter til de ekstra pladser. Thomas koordinerer med HR, så vikarforbruget holdes nede.
"""), "decided", "Akutpladser udvides fra 24 til 30 i vinteren 2025/26.", topics=["akutfunktion"]),
        I(5, "Eventuelt", "", ("9.55", "10.00"), T("""
Kommende møder – to.
"""), "noted", "Kommende møder.", pre=T("""
- 5.1. Kommende møder
""")),
    ],
})

# ------------------------------------------------------------------ 2025-09-19 Rådmandsmøde (plain)
DOCS.append({
    "file": "2025-09-19_raadmandsmoede.txt", "fmt": "plain", "kind": "Rådmandsmøde", "date": "2025-09-19",
    "start": "08:30", "end": "10:00", "place": "Rådhuset, vær. 489", "participants": CT_2025,
    "items": [
        I(1, "Budgetforlig 2026 – konsekvenser for Sundhed og Omsorg", "Henrik Dalsgaard", ("8.30", "8.50"), T("""
Rådmandsmødet tog orienteringen om budgetforliget for 2026 til efterretning. Forliget tilfører MSO 64 mio. kr. til demografi og 20 mio. kr. til implementering af ældreloven. Samtidig fastholdes besparelsen på administration.

Forliget indeholder også midler til en demensklinik og til fællesspisning for ensomme ældre. Økonomi udarbejder en oversigt over alle forligstekster med ansvarlige, som sendes ud i næste uge.

Rådmanden bemærkede, at forliget ikke dækker det fulde merforbrug i hjemmeplejen, og at handleplanen for økonomien derfor fortsat skal følges tæt i 2026.
"""), "noted", "Budgetforlig 2026: 64 mio. kr. til demografi, 20 mio. kr. til ældreloven.", topics=["budget", "ældreloven"]),
        I(2, "Demens – demensklinik og aflastning til pårørende", "Camilla Lykke Rasmussen", ("8.50", "9.10"), T("""
Rådmanden besluttede at etablere en kommunal demensklinik i Sundhedshuset Skejby fra 1. februar 2026 med de midler, der er afsat i budgetforliget (4,2 mio. kr. årligt).

- Klinikken skal tilbyde opfølgning efter diagnose, rådgivning til pårørende og undervisning.
- Der oprettes 8 nye aflastningspladser til borgere med demens på Plejecenter Egebjerg.
- Klinikken samarbejder med Hukommelsesklinikken på Aarhus Universitetshospital.

Rådmanden ønsker, at pårørende til borgere med demens får én indgang til kommunen.
"""), "decided", "Demensklinik i Sundhedshuset Skejby og 8 aflastningspladser besluttet.", topics=["demens", "pårørende"]),
        I(3, "Ensomhed blandt ældre – fællesspisning", "Pia Skovsgaard", ("9.10", "9.30"), T("""
Rådmanden godkendte en ny indsats med fællesspisning for ensomme ældre på 12 lokalcentre og 4 plejehjem fra januar 2026. Indsatsen finansieres af de 1,2 mio. kr. fra budgetforliget.

Fællesspisningen er ikke en del af madservice, men et socialt tilbud, hvor frivillige og medarbejdere spiser sammen med borgerne. Borgere, der modtager madservice, kan dog få deres mad leveret til lokalcentret. Transport tilbydes til borgere, der ikke selv kan komme frem.

Rådmanden ønsker, at hjemmeplejen og de forebyggende hjemmebesøg henviser ensomme ældre direkte til fællesspisningen, og at deltagelsen opgøres, så indsatsen kan evalueres i slutningen af 2026.
"""), "decided", "Fællesspisning for ensomme ældre på 12 lokalcentre og 4 plejehjem fra 2026.", topics=["ensomhed"]),
        I(4, "Hjemmehjælp – frit valg og helhedspleje", "Peter Hvidtfeldt og Rikke Høyer Andersen", ("9.30", "9.50"), T("""
Rådmandsmødekredsen drøftede, hvordan frit valg af leverandør til hjemmehjælp skal se ud, når helhedsplejen efter ældreloven er fuldt indført. To private leverandører har meddelt, at de overvejer at trække sig fra Aarhus.

Kredsen drøftede:

- Om der skal gennemføres et nyt udbud eller en godkendelsesmodel.
- Hvordan borgerne sikres kontinuitet, hvis en leverandør ophører.
- Afregningspriser, der afspejler helhedspleje frem for enkeltydelser.

Sagen forberedes til beslutning i december.
"""), "discussed", "Frit valg i hjemmehjælpen under helhedspleje; private leverandører overvejer at stoppe.", topics=["hjemmepleje", "ældreloven"]),
        I(5, "Eventuelt", "", ("9.50", "10.00"), T("""
Ingen punkter.
"""), "none", "Ingen punkter."),
    ],
})

# ------------------------------------------------------------------ 2026-01-23 Rådmandsmøde (md)
DOCS.append({
    "file": "2026-01-23_raadmandsmoede.md", "fmt": "md", "kind": "Rådmandsmøde", "date": "2026-01-23",
    "start": "08:30", "end": "09:45", "place": "Rådhuset, vær. 489", "info_style": "inline", "participants": CT_2025,
    "items": [
        I(1, "Ældreloven – status på implementering", "Louise Kirk Madsen", ("8.30", "8.50"), T("""
Rådmanden tog status på implementeringen af ældreloven til efterretning. Helhedsplejen er nu indført i Område Nord og Område Vest, og Område Syd følger i marts. De første målinger viser, at borgerne møder færre forskellige medarbejdere (gennemsnitligt 9 om måneden mod 14 før).

Der er fortsat udfordringer med it-understøttelsen af helhedspleje i omsorgssystemet og med afregningen af de private leverandører. Status gives igen i maj.

Rådmanden bad om, at borgernes oplevelse af den nye helhedspleje undersøges, og at klager over ændret hjælp opgøres særskilt.
"""), "noted", "Helhedspleje indført i Nord og Vest; færre forskellige medarbejdere hos borgerne.", topics=["ældreloven", "hjemmepleje"]),
        I(2, "Frisættelse af plejehjemmene – evaluering af første bølge", "Louise Kirk Madsen og Line Bak Sørensen", ("8.50", "9.15"), T("""
Rådmandsmødekredsen drøftede evalueringen af første bølge af frisættelse. Evalueringen viser, at medarbejderne på de 12 frisatte plejehjem bruger mere tid sammen med beboerne, og at 9 ud af 12 har afskaffet faste dokumentationskrav, som ikke er lovbestemte.

- Pårørendetilfredsheden er steget på 8 af plejehjemmene.
- Sygefraværet er ikke faldet.
- Flere ledere efterspørger mere frihed i økonomistyringen.

Kredsen drøftede, om alle plejehjem skal frisættes fra 2027. Der laves et oplæg til anden fase.
"""), "discussed", "Evaluering af første bølge af frisættelse; anden fase for alle plejehjem drøftet.", topics=["frisættelse", "plejehjem"]),
        I(3, "Rehabilitering – genoptræning i eget hjem", "Anders Bjerre og Louise Hein", ("9.15", "9.35"), T("""
Rådmanden besluttede at gøre det mobile genoptræningsteam permanent og udvide det med 4 terapeuter, så flere borgere kan genoptræne i eget hjem efter udskrivelse.

- Borgere over 80 år og borgere med demens prioriteres.
- Genoptræning og rehabilitering i helhedsplejen koordineres af en fast terapeut pr. team.
- Udgiften på 2,6 mio. kr. årligt finansieres af midlerne til ældreloven.

Ventetiden til genoptræning er nu 6 dage. Målet er at fastholde den under 7 dage.
"""), "decided", "Mobilt genoptræningsteam gjort permanent og udvidet med 4 terapeuter.", topics=["rehabilitering"]),
        I(4, "Eventuelt", "", ("9.35", "9.45"), T("""
Kommende møder – uændret.

Hospice Egå Engsø har haft fuld belægning i december og januar. Marianne giver en skriftlig status.
"""), "noted", "Fuld belægning på hospice.", pre=T("""
- 4.1. Kommende møder
- 4.2. Hospice – kapacitet i vinteren
"""), topics=["hospice"]),
    ],
})

# ------------------------------------------------------------------ 2026-04-16 Chefteammøde (plain)
DOCS.append({
    "file": "2026-04-16_chefteammoede.txt", "fmt": "plain", "kind": "Chefteammøde", "date": "2026-04-16",
    "start": "08:30", "end": "10:00", "place": "Værkmestergade 15, mødelokale 4.07", "participants": CT_2025,
    "items": [
        I(1, "Sygefravær – status og ny indsats for forflytninger", "Jesper Toft og Sofie Brandt Iversen", ("8.30", "8.55"), T("""
Chefteamet besluttede en ny indsats for at nedbringe sygefravær som følge af arbejdsskader ved forflytninger. Sygefraværet i 2025 var 8,2 %, men fraværet på plejehjemmene ligger stadig over 10 %.

- Alle plejehjem får loftlifte i de boliger, hvor beboerne har behov for hjælp til forflytning (investering på 9,4 mio. kr. fra Budget 2026).
- Der uddannes 60 forflytningsvejledere.
- Arbejdsskader ved forflytning følges månedligt.

Chefteamet ønsker, at indsatsen evalueres i 2027 sammen med den samlede sygefraværsstatistik.
"""), "decided", "Loftlifte og 60 forflytningsvejledere for at nedbringe sygefravær (8,2 % i 2025).", topics=["sygefravær", "plejehjem"]),
        I(2, "Skærmbesøg – evaluering efter fire år", "Mads Overgaard", ("8.55", "9.15"), T("""
Chefteamet tog evalueringen af skærmbesøg til efterretning. 1.840 borgere får i dag mindst ét skærmbesøg om ugen, og det svarer til ca. 21 årsværk i sparet kørsel og ventetid. 90 % af borgerne er tilfredse.

Evalueringen viser også, at skærmbesøg bruges mindre til borgere med demens, og at en del medarbejdere oplever tekniske problemer. Digitalisering opdaterer udstyret i 2026.

Chefteamet ønsker, at skærmbesøg fremover indgår som en naturlig del af helhedsplejen, og at målet på 2.500 borgere i strategien for velfærdsteknologi fastholdes.
"""), "noted", "1.840 borgere får skærmbesøg; svarer til ca. 21 årsværk.", topics=["digitalisering", "hjemmepleje"]),
        I(3, "Mad til medarbejderne – frugtordning og sund kantine", "Nanna Winther", ("9.15", "9.30"), T("""
Chefteamet godkendte, at frugtordningen for medarbejderne videreføres i 2026, og at MSO tilslutter sig kommunens nye kantinepolitik med mere plantebaseret mad. Ordningen koster ca. 350.000 kr. om året og finansieres af HR's ramme.

Ordningen gælder alle medarbejdere, også i hjemmeplejen, hvor frugt leveres til grupperne. Ordningen har intet med madservice til borgerne at gøre.

Kantineudvalget i Værkmestergade inddrages i valg af leverandør, og ordningen evalueres i MED ved årets udgang.
"""), "decided", "Decoy: frugtordning og kantine for medarbejdere (ikke madservice).", topics=["decoy:madservice"]),
        I(4, "Pårørende – pårørendecaféer og aflastning", "Helle Munk Bertelsen", ("9.30", "9.50"), T("""
Chefteamet besluttede at etablere pårørendecaféer på seks lokalcentre fra august 2026 som en del af opfølgningen på evalueringen af pårørendepolitikken. Caféerne drives i samarbejde med demensklinikken og frivillige.

Samtidig oprettes en pårørendelinje, hvor pårørende til hjemmeboende kan få råd og vejledning. Udgiften på 900.000 kr. årligt afholdes af demensklinikkens ramme og midler til ældreloven.

Chefteamet lagde vægt på, at tilbuddet også skal nå pårørende, der ikke selv henvender sig, fx via hjemmeplejen og de praktiserende læger. Helle giver status i foråret 2027.
"""), "decided", "Pårørendecaféer på seks lokalcentre og en pårørendelinje.", topics=["pårørende", "demens"]),
        I(5, "Eventuelt", "", ("9.50", "10.00"), T("""
Kommende møder – mødet den 30. april flyttes til 1. maj.
"""), "noted", "Mødeflytning."),
    ],
})

# ------------------------------------------------------------------ 2026-09-11 Rådmandsmøde (md)
DOCS.append({
    "file": "2026-09-11_raadmandsmoede.md", "fmt": "md", "kind": "Rådmandsmøde", "date": "2026-09-11",
    "start": "08:30", "end": "09:45", "place": "Rådhuset, vær. 489", "info_style": "blocks", "participants": None,
    "items": [
        I(1, "Budgetforlig 2027 – udmøntning", "Henrik Dalsgaard og Tina Kastbjerg", ("8.30", "8.55"), T("""
Rådmanden godkendte udmøntningen af budgetforliget for 2027:

- 38 mio. kr. til demografi fordeles efter den nye befolkningsprognose.
- 6,5 mio. kr. til tryghedsboliger (driftstilskud fra 2028).
- 12 mio. kr. til helhedspleje i hjemmeplejen.
- Besparelsen på 15 mio. kr. på administration gennemføres som planlagt.

Rådmanden ønsker, at forligsteksten om frisættelse af alle plejehjem fra 2027 følges særskilt. Økonomi udarbejder en oversigt over ansvarlige og tidsplaner.
"""), "decided", "Udmøntning af budgetforlig 2027 godkendt (demografi, tryghedsboliger, helhedspleje).", topics=["budget", "65+", "frisættelse"]),
        I(2, "Hjemmeplejen – ny organisering i lokalområder", "Peter Hvidtfeldt og Lene Kvist", ("8.55", "9.20"), T("""
Rådmanden besluttede en ny organisering af hjemmeplejen i 9 lokalområder i stedet for de nuværende 4 områder. Hvert lokalområde ledes af en områdeleder med ansvar for helhedsplejen, sygepleje og rehabilitering.

- Organiseringen træder i kraft 1. januar 2027.
- Ingen medarbejdere afskediges som følge af omorganiseringen.
- De private leverandører af hjemmehjælp tilknyttes lokalområderne.

Rådmanden lagde vægt på, at borgerne skal opleve kendte ansigter og kortere vej til beslutninger.

De 9 lokalområder er:

1. Midtbyen/Trøjborg
2. Risskov/Vejlby
3. Lystrup/Egå
4. Lisbjerg/Skejby
5. Hasle/Åbyhøj
6. Gellerup/Brabrand
7. Viby/Holme
8. Tilst/Sabro
9. Malling/Beder

HovedMED har afgivet høringssvar og bakker op, men ønsker at medarbejderne i nattevagten fortsat organiseres på tværs af lokalområderne. Det imødekommes. Kommunikation udarbejder et brev til alle borgere med hjemmehjælp i december.
"""), "decided", "Hjemmeplejen organiseres i 9 lokalområder fra 1. januar 2027.", topics=["hjemmepleje", "ældreloven"]),
        I(3, "Hospice – kapacitet og ventetid", "Marianne Fog", ("9.20", "9.35"), T("""
Rådmanden tog orienteringen om kapaciteten på Hospice Egå Engsø til efterretning. Ventetiden er steget til gennemsnitligt 11 dage i 1. halvår 2026, og 23 borgere er døde, mens de ventede på en hospiceplads.

Region Midtjylland har meddelt, at de vil se på en udvidelse med yderligere 4 pladser fra 2028. Rådmanden ønsker, at den palliative indsats i hjemmeplejen styrkes i mellemtiden.

Der skal laves en plan for, hvordan flere borgere kan få mulighed for at dø hjemme, herunder døgndækning fra det palliative team og aflastning til pårørende.
"""), "noted", "Ventetid til hospice steget til 11 dage; regionen ser på 4 ekstra pladser.", topics=["hospice"]),
        I(4, "Eventuelt", "", ("9.35", "9.45"), T("""
Kommende møder – uændret.
"""), "none", "Ingen punkter ud over mødeplan."),
    ],
})

# ================================================================== AGENDAS (upcoming meetings, no decisions yet)

DOCS.append({
    "file": "2026-12-10_chefteammoede_dagsorden.md", "fmt": "md", "kind": "Chefteammøde", "date": "2026-12-10",
    "start": "08:30", "end": "10:00", "place": "Rådhuset, vær. 489", "info_style": "inline", "participants": CT_2025,
    "agenda": True,
    "items": [
        I(1, "Budgetopfølgning pr. 31. oktober 2026", "Tina Kastbjerg", ("8.30", "8.50"), pre=T("""
Økonomi giver status på forventet regnskab for 2026. Der forventes et merforbrug i hjemmeplejen som følge af overgangen til helhedspleje, mens der er et mindreforbrug på plejehjemmene.

Chefteamet skal:

- Tage budgetopfølgningen til efterretning.
- Drøfte handlemuligheder for at nedbringe merforbruget.
"""), summary="Status på forventet regnskab 2026.", topics=["budget"]),
        I(2, "Demensplan 2027-2030 – udkast", "Camilla Lykke Rasmussen", ("8.50", "9.20"), pre=T("""
Demensplanen afløser demensstrategien 2019-2023 og bygger videre på demensklinikken og Aarhus som demensvenlig kommune. Udkastet har fire temaer: tidlig opsporing, livet med demens, pårørende og boliger.

Chefteamet skal:

- Drøfte udkastet.
- Godkende processen for høring i Seniorrådet og hos Alzheimerforeningen.
"""), summary="Udkast til demensplan 2027-2030.", topics=["demens", "pårørende"]),
        I(3, "Rekruttering og fastholdelse – status på internationale SOSU-assistenter", "Nanna Winther", ("9.20", "9.40"), pre=T("""
HR giver status på første hold i partnerskabet. 14 SOSU-assistenter fra Filippinerne er startet i september 2026 på fire plejehjem.

Chefteamet skal tage orienteringen til efterretning.
"""), summary="Status på første hold internationale SOSU-assistenter.", topics=["rekruttering"]),
        I(4, "Eventuelt", "", ("9.40", "10.00"), pre=T("""
- 4.1. Kommende møder
- 4.2. Julehilsen til medarbejderne
"""), summary="Kommende møder og julehilsen."),
    ],
})

DOCS.append({
    "file": "2027-01-15_raadmandsmoede_dagsorden.txt", "fmt": "plain", "kind": "Rådmandsmøde", "date": "2027-01-15",
    "start": "08:30", "end": "10:00", "place": "Rådhuset, vær. 489", "participants": CT_2025, "agenda": True,
    "items": [
        I(1, "Frisættelse – anden fase for alle plejehjem", "Louise Kirk Madsen og Line Bak Sørensen", ("8.30", "9.00"), pre=T("""
Budgetforliget for 2027 forudsætter, at alle plejehjem frisættes i løbet af 2027. Oplægget beskriver anden fase, herunder frihed i økonomistyringen og lokale beboer- og pårørendeaftaler.

Rådmanden skal:

- Godkende rammen for anden fase af frisættelsen.
- Drøfte, hvordan hjemmeplejen kan frisættes tilsvarende.
"""), summary="Ramme for frisættelse af alle plejehjem i 2027.", topics=["frisættelse", "plejehjem"]),
        I(2, "Ensomhed – evaluering af fællesspisning", "Pia Skovsgaard", ("9.00", "9.20"), pre=T("""
Fællesspisningen for ensomme ældre har kørt siden januar 2026 på 12 lokalcentre og 4 plejehjem. Evalueringen viser deltagelse af ca. 600 borgere om måneden.

Rådmanden skal tage evalueringen til efterretning og drøfte videreførelse efter 2027.
"""), summary="Evaluering af fællesspisning for ensomme ældre.", topics=["ensomhed"]),
        I(3, "Personalesag – Hjemmeplejen Nord", "Peter Hvidtfeldt og Kasper Ravn", ("9.20", "9.35"), closed=True,
          summary="Lukket punkt (ikke i den offentliggjorte dagsorden): personalesag i Hjemmeplejen Nord.", topics=["hjemmepleje"]),
        I(4, "Digitalisering – AI-assistent til dokumentation", "Mads Overgaard", ("9.35", "9.55"), pre=T("""
Efter afprøvning i sygeplejen foreslås det, at AI-assistenten til dokumentation udrulles til hjemmeplejen. Etisk råd for AI har afgivet udtalelse (bilag 2).

Rådmanden skal beslutte, om løsningen udrulles i 2027.
"""), summary="Forslag om udrulning af AI-assistent til dokumentation i hjemmeplejen.", topics=["digitalisering"]),
        I(5, "Eventuelt", "", ("9.55", "10.00"), pre=T("""
- 5.1. Kommende møder
"""), summary="Kommende møder."),
    ],
})

DOCS.append({
    "file": "2027-02-26_raadmandsmoede_dagsorden.md", "fmt": "md", "kind": "Rådmandsmøde", "date": "2027-02-26",
    "start": "08:30", "end": "09:45", "place": "Rådhuset, vær. 489", "info_style": "blocks", "participants": None,
    "agenda": True,
    "items": [
        I(1, "Budgetforslag 2028 – proces og rammer", "Henrik Dalsgaard", ("8.30", "8.55"), pre=T("""
Økonomi præsenterer tidsplan og rammer for MSOs budgetforslag til Budget 2028. Byrådet forventes at stille krav om omprioritering på 1 % af serviceudgifterne.

Rådmanden skal:

- Godkende processen.
- Drøfte temaer for budgetønsker.
"""), summary="Proces og rammer for Budget 2028.", topics=["budget"]),
        I(2, "Plejecenter Lisbjerg Bakke – ibrugtagning", "Bo Lindholm og Line Bak Sørensen", ("8.55", "9.15"), pre=T("""
Byggeriet er forsinket ca. tre måneder, og indflytning forventes nu i november 2027. Oplægget beskriver rekruttering af personale og plan for indflytning af de første 60 beboere.

Rådmanden skal tage orienteringen til efterretning.
"""), summary="Forsinkelse og indflytningsplan for Plejecenter Lisbjerg Bakke.", topics=["plejehjem", "rekruttering"]),
        I(3, "Fleksibel hjemmehjælp – afløser for klippekortet", "Malene Juul Poulsen", ("9.15", "9.35"), pre=T("""
Med ældreloven er klippekortordningen for hjemmeboende ophørt ved udgangen af 2025 og erstattet af mulighed for fleksibel brug af tiden i helhedsplejen. Oplægget beskriver erfaringerne og forslag til, hvordan borgere uden pårørende kan sikres tid til ture og aktiviteter.

Rådmanden skal drøfte oplægget.
"""), summary="Fleksibel hjemmehjælp som afløser for klippekortet.", topics=["klippekort", "hjemmepleje", "ældreloven"]),
        I(4, "Eventuelt", "", ("9.35", "9.45"), pre=T("""
- 4.1. Kommende møder
"""), summary="Kommende møder."),
    ],
})

DOCS.append({
    "file": "2027-03-11_chefteammoede_dagsorden.txt", "fmt": "plain", "kind": "Chefteammøde", "date": "2027-03-11",
    "start": "08:30", "end": "09:45", "place": "Værkmestergade 15, mødelokale 4.07", "participants": CT_2025,
    "agenda": True,
    "items": [
        I(1, "Sygefravær 2026 – årsopgørelse", "Jesper Toft", ("8.30", "8.50"), pre=T("""
HR præsenterer årsopgørelsen for sygefravær 2026 og første erfaringer med loftlifte og forflytningsvejledere.

Chefteamet skal tage opgørelsen til efterretning og drøfte mål for 2027.
"""), summary="Årsopgørelse for sygefravær 2026.", topics=["sygefravær"]),
        I(2, "Madservice – forberedelse af nyt udbud", "Eva Damsgaard", ("8.50", "9.15"), pre=T("""
Kontrakten om madservice til hjemmeboende udløber 30. september 2027 med mulighed for forlængelse i 12 måneder. Oplægget beskriver tre muligheder: forlængelse, nyt udbud eller hjemtagning til Det Gode Køkken.

Chefteamet skal:

- Drøfte modellerne.
- Godkende tidsplan for den videre proces.
"""), summary="Valg mellem forlængelse, nyt udbud eller hjemtagning af madservice.", topics=["madservice"]),
        I(3, "Akutfunktionen – evaluering af vinterpladser 2026/27", "Thomas Frølund", ("9.15", "9.35"), pre=T("""
Akutfunktionen evaluerer brugen af de ekstra midlertidige akutpladser på Sundhedshuset Vejlby i vinteren 2026/27, herunder belægning og genindlæggelser.

Chefteamet skal tage evalueringen til efterretning.
"""), summary="Evaluering af ekstra akutpladser i vinteren.", topics=["akutfunktion"]),
        I(4, "Eventuelt", "", ("9.35", "9.45"), pre=T("""
- 4.1. Kommende møder
"""), summary="Kommende møder."),
    ],
})
