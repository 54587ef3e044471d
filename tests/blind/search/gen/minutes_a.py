from common import I, T, CT_2019

DOCS = []

# ------------------------------------------------------------------ 2019-02-14 Chefteammøde (md)
DOCS.append({
    "file": "2019-02-14_chefteammoede.md", "fmt": "md", "kind": "Chefteammøde", "date": "2019-02-14",
    "start": "08:30", "end": "10:00", "place": "Rådhuset, vær. 489", "info_style": "blocks", "pkt_dot": True,
    "participants": None,
    "items": [
        I(1, "Sygefravær 2018 – status og handleplan", "Jesper Toft og Mette Friis Lauridsen", ("8.30", "9.00"), T("""
Chefteamet drøftede sygefraværet for 2018, som samlet er steget fra 7,9 % til 8,4 % i MSO. Stigningen ses især i hjemmeplejen og på plejehjemmene, mens administrationen ligger stabilt.

- Det korte fravær (1-14 dage) er det, der stiger mest, og det hænger sammen med vakante stillinger og brug af vikarer.
- Der ønskes et særskilt fokus på de enheder, der ligger over 10 %.
- HR udarbejder forslag til en handleplan, som forelægges chefteamet inden sommerferien.

Chefteamet ønsker, at handleplanen kobles sammen med arbejdet med rekruttering, da et højt fravær og medarbejdermangel forstærker hinanden. Forvaltningscheferne tager tallene med på de kommende driftschefmøder.
"""), "discussed", "Sygefraværet steg til 8,4 % i 2018; HR laver handleplan, kobles til rekruttering.", topics=["sygefravær"]),
        I(2, "Medarbejdermangel på SOSU-området", "Nanna Winther", ("9.00", "9.30"), T("""
Chefteamet drøftede prognosen for medarbejdermangel, som viser, at MSO frem mod 2025 vil mangle ca. 600 social- og sundhedsmedarbejdere, hvis udviklingen fortsætter.

Chefteamet lagde vægt på:

- At vi både skal rekruttere flere og fastholde dem, vi har – især de nyuddannede i det første år.
- At der ses på muligheden for flere fuldtidsstillinger og et opgør med de mange deltidsstillinger i hjemmeplejen.
- At samarbejdet med SOSU Østjylland om optag og frafald styrkes.

HR arbejder videre med et oplæg til en egentlig rekrutteringsstrategi, som drøftes med rådmanden i efteråret. Anette og Peter melder tilbage med konkrete erfaringer fra plejehjem og hjemmepleje.
"""), "discussed", "Prognose: mangel på ca. 600 SOSU-medarbejdere i 2025; HR laver oplæg til rekrutteringsstrategi.", topics=["rekruttering"]),
        I(3, "Klippekortordningen – status på forbrug af klip", "Malene Juul Poulsen", ("9.30", "9.45"), T("""
Chefteamet tog orienteringen om klippekortordningen til efterretning. I 2018 blev 71 % af de tildelte klip til hjemmeboende borgere brugt, mens forbruget på plejehjemmene var 88 %. Mange borgere bruger klippene til ture ud af huset, hjælp til indkøb af tøj og ekstra tid til samtale.

Der er fortsat borgere, som ikke kender ordningen. Visitationen sørger for, at information om klippekortet indgår i alle nye bevillinger af hjemmehjælp, og at hjemmeplejens medarbejdere minder borgerne om muligheden. Status på ordningen gives igen, når puljemidlerne for 2020 kendes.
"""), "noted", "Orientering: 71 % af klippene brugt af hjemmeboende, 88 % på plejehjem.", topics=["klippekort"]),
        I(4, "Eventuelt", "", ("9.45", "10.00"), T("""
Kommende møder – ingen ændringer.

Temadagen for ledere i Ridehuset den 28. marts afholdes som planlagt. Jens Ole sender program ud i næste uge.
"""), "noted", "Kommende møder og ledertemadag i Ridehuset.", pre=T("""
- 4.1. Kommende møder
- 4.2. Temadag for ledere i Ridehuset den 28. marts
""")),
    ],
})

# ------------------------------------------------------------------ 2019-05-10 Rådmandsmøde (plain)
DOCS.append({
    "file": "2019-05-10_raadmandsmoede.txt", "fmt": "plain", "kind": "Rådmandsmøde", "date": "2019-05-10",
    "start": "08:30", "end": "10:15", "place": "Rådhuset, vær. 489", "participants": CT_2019,
    "items": [
        I(1, "Ny tildelingsmodel i hjemmeplejen", "Peter Hvidtfeldt og Lene Kvist", ("8.30", "9.00"), T("""
Rådmandsmødekredsen drøftede oplægget til en ny tildelingsmodel i hjemmeplejen, hvor tid tildeles som en samlet ramme pr. borger frem for som enkeltydelser i minutter.

- Modellen skal give medarbejderne mere frihed til at tilrettelægge hjælpen sammen med borgeren.
- Det skal undersøges, hvordan modellen påvirker økonomistyringen, og om den kan rummes inden for den nuværende budgetmodel.
- Erfaringerne fra forsøget i Hjemmeplejen Tilst/Brabrand inddrages.

Rådmanden bad om, at der inden den endelige beslutning laves en høring i MED-systemet og en vurdering af konsekvenserne for frit valg-leverandørerne. Sagen forventes at komme tilbage i efteråret.
"""), "discussed", "Oplæg om tildeling af tid som samlet ramme pr. borger; MED-høring og frit valg skal belyses.", topics=["hjemmepleje"]),
        I(2, "Demensstrategi 2019-2023 – udkast", "Camilla Lykke Rasmussen", ("9.00", "9.30"), T("""
Rådmandsmødekredsen drøftede udkastet til demensstrategi. Der var opbakning til de fire indsatsområder: tidlig opsporing, støtte til pårørende, demensvenlige boliger og kompetenceudvikling af medarbejderne.

Rådmanden ønsker, at strategien bliver mere konkret på, hvordan pårørende til borgere med demens får aflastning, og at der tilføjes mål, som kan følges årligt. Der skal desuden ses på samarbejdet med Alzheimerforeningen og frivillige.

Strategien tilrettes og sendes i høring hos Seniorrådet og Handicaprådet inden endelig godkendelse.
"""), "discussed", "Udkast til demensstrategi med fire indsatsområder; tilrettes og sendes i høring.", topics=["demens", "pårørende"]),
        I(3, "Budgetopfølgning pr. 31. marts 2019", "Ole Sandholm", ("9.30", "9.45"), T("""
Rådmanden tog budgetopfølgningen til efterretning. Der forventes et samlet merforbrug på 18,6 mio. kr., som primært skyldes flere visiterede timer i hjemmeplejen og øgede udgifter til hjælpemidler.

Økonomi vurderer, at merforbruget kan nedbringes til ca. 8 mio. kr. ved de allerede iværksatte tiltag, herunder stram styring af vikarforbrug. Forvaltningscheferne skal senest 1. juni melde tilbage med yderligere handlemuligheder. Der gives en ny status ved budgetopfølgningen pr. 31. juli.
"""), "noted", "Forventet merforbrug 18,6 mio. kr. (hjemmepleje, hjælpemidler).", topics=["budget"]),
        I(4, "Mad til medarbejderne – ny kantineaftale på Rådhuset", "Tina Kastbjerg", ("9.45", "10.00"), T("""
Rådmanden godkendte, at MSO tilslutter sig den fælles kantineaftale for medarbejderne på Rådhuset og i Værkmestergade fra 1. august 2019. Aftalen betyder, at prisen for et frokostmåltid stiger fra 26 kr. til 29 kr., mens udvalget af vegetariske retter udvides.

Aftalen vedrører alene mad til medarbejderne og har ingen sammenhæng med madservice til borgerne. Medarbejdere på plejehjem og i hjemmeplejen er ikke omfattet. Tina sender information ud via intranettet inden sommerferien.
"""), "decided", "Decoy: kantineaftale for administrative medarbejdere (ikke madservice).", topics=["decoy:madservice"]),
        I(5, "Eventuelt", "", ("10.00", "10.15"), T("""
Rådmanden orienterede om, at Folkemødet på Bornholm gav god dialog om ældreområdet. Der blev kort talt om pressehenvendelser vedrørende ventetid på plejebolig.
"""), "noted", "Folkemødet og presse om ventetid på plejebolig."),
    ],
})

# ------------------------------------------------------------------ 2019-11-22 Rådmandsmøde (md)
DOCS.append({
    "file": "2019-11-22_raadmandsmoede.md", "fmt": "md", "kind": "Rådmandsmøde", "date": "2019-11-22",
    "start": "08:30", "end": "09:40", "place": "Rådhuset, vær. 489", "info_style": "inline", "participants": CT_2019,
    "items": [
        I(1, "Ny tildelingsmodel i hjemmeplejen – endelig model", "Peter Hvidtfeldt og Lene Kvist", ("8.30", "8.50"), T("""
Punktet blev udsat.

MED-høringen er ikke afsluttet, og HovedMED har bedt om mere tid til at vurdere konsekvenserne for medarbejdernes arbejdstilrettelæggelse. Desuden mangler der en juridisk vurdering af, om modellen er forenelig med reglerne om frit valg, herunder afregningen med de private leverandører.

Rådmanden ønsker punktet på igen, når høringssvarene foreligger – senest på det første møde i januar 2020. Jura (Kasper Ravn) inddrages i det videre arbejde.

Rådmanden understregede, at forsøget i Tilst/Brabrand fortsætter uændret i mellemtiden, så erfaringerne ikke går tabt. Der skal samtidig laves en kort beskrivelse til udvalget af, hvorfor beslutningen er udskudt.
"""), "postponed", "Udsat: MED-høring og juridisk vurdering af frit valg mangler.", topics=["hjemmepleje"]),
        I(2, "Demensstrategi 2019-2023 – godkendelse", "Camilla Lykke Rasmussen", ("8.50", "9.10"), T("""
Rådmanden godkendte demensstrategien 2019-2023 med de ændringer, der er kommet i høringen.

- Indsatsen for pårørende styrkes med et fast tilbud om pårørendekursus og aflastning i eget hjem.
- Der oprettes to ekstra stillinger som demenskoordinator, finansieret af midlerne fra Budget 2020.
- Målene følges op årligt i forbindelse med årsberetningen.

Seniorrådet har i sit høringssvar efterspurgt flere demensvenlige boliger. Det tages med i arbejdet med plejeboligplanen. Strategien sendes til udvalget til orientering den 4. december.
"""), "decided", "Demensstrategien godkendt; to ekstra demenskoordinatorer og pårørendekurser.", topics=["demens", "pårørende"]),
        I(3, "Skærmbesøg i hjemmeplejen – pilotprojekt", "Mads Overgaard", ("9.10", "9.30"), T("""
Rådmanden besluttede at igangsætte et pilotprojekt med skærmbesøg i to hjemmeplejeområder (Viby og Tilst) i perioden februar til december 2020.

Skærmbesøg kan erstatte fysiske besøg ved fx medicinpåmindelse, ernæringsopfølgning og tryghedsopkald, når borgeren selv ønsker det. Der afsættes 1,2 mio. kr. fra MSO's fælles opsparing til tablets, licenser og oplæring.

Det er vigtigt, at skærmbesøg ikke bliver en spareøvelse, men et tilbud, der giver borgeren mere selvstændighed. Der laves en evaluering med både borgere og medarbejdere, inden der tages stilling til udrulning.
"""), "decided", "Pilotprojekt med skærmbesøg i Viby og Tilst, 1,2 mio. kr.", topics=["digitalisering", "hjemmepleje"]),
        I(4, "Eventuelt", "", ("9.30", "9.40"), T("""
Julehilsen fra rådmanden og direktøren sendes ud den 16. december.

Ventelisten til plejebolig er på 112 borgere, heraf 9 over garantien. Anette giver en mundtlig status på næste møde.
"""), "noted", "Julehilsen; venteliste til plejebolig 112 borgere.", pre=T("""
- 4.1. Julehilsen til medarbejdere
- 4.2. Status på plejeboligventelisten
"""), topics=["plejehjem"]),
    ],
})

# ------------------------------------------------------------------ 2020-01-16 Chefteammøde (plain)
DOCS.append({
    "file": "2020-01-16_chefteammoede.txt", "fmt": "plain", "kind": "Chefteammøde", "date": "2020-01-16",
    "start": "08:30", "end": "10:00", "place": "Rådhuset, vær. 489", "participants": CT_2019,
    "items": [
        I(1, "Ny tildelingsmodel i hjemmehjælpen", "Peter Hvidtfeldt, Lene Kvist og Kasper Ravn", ("8.30", "9.00"), T("""
Chefteamet godkendte den nye tildelingsmodel i hjemmehjælpen med virkning fra 1. april 2020 og indstiller den til rådmandens endelige godkendelse.

- Hjælpen tildeles fremover som en samlet tidsramme pr. borger pr. uge i stedet for enkeltydelser.
- Private leverandører afregnes efter samme model; Jura har vurderet, at det er foreneligt med reglerne om frit valg.
- HovedMEDs høringssvar imødekommes ved, at der laves en fælles evaluering med medarbejderrepræsentanter efter seks måneder.

Chefteamet lagde vægt på, at borgerne får klar information om ændringen, og at visitationsafgørelserne fortsat er tydelige i forhold til klageadgang. Kommunikation udarbejder et brev til alle borgere med hjemmehjælp.
"""), "decided", "Tildelingsmodel med samlet tidsramme pr. borger godkendt fra 1. april 2020.", topics=["hjemmepleje"]),
        I(2, "Rekrutteringsstrategi for social- og sundhedsområdet", "Nanna Winther og Mette Friis Lauridsen", ("9.00", "9.30"), T("""
Chefteamet besluttede rekrutteringsstrategien med følgende fem indsatser:

1. Ret til fuld tid for nye SOSU-medarbejdere fra 1. marts 2020.
2. Garanti for ansættelse til alle nyuddannede SOSU-assistenter.
3. Mentorordning i det første ansættelsesår.
4. Kampagne rettet mod voksne karriereskiftere sammen med SOSU Østjylland.
5. Bedre introduktion for vikarer og timelønnede.

Strategien finansieres inden for HR's ramme og de afsatte midler fra Budget 2020 (3,4 mio. kr.). Chefteamet ønsker en halvårlig status, hvor antallet af vakante stillinger, personaleomsætning og andel på fuld tid følges.

Chefteamet drøftede også, at retten til fuld tid kræver nye vagtplaner, særligt i weekenderne. Forvaltningscheferne sørger for, at driftslederne får støtte fra HR til planlægningen. Strategien præsenteres for rådmanden og HovedMED i februar, og der laves en kampagne sammen med FOA og SOSU Østjylland under overskriften 'Bliv en del af ældreplejen i Aarhus'.
"""), "decided", "Rekrutteringsstrategi med fem indsatser (fuld tid, ansættelsesgaranti, mentor m.m.).", topics=["rekruttering"]),
        I(3, "Budget for IT-kurser til administrative medarbejdere", "Julie Fisker", ("9.30", "9.45"), T("""
Chefteamet godkendte et budget på 280.000 kr. til IT-kurser for administrative medarbejdere i 2020, primært i Excel, Office 365 og det nye ESDH-system. Midlerne tages fra Udviklings uddannelsespulje.

Kurserne afholdes i Værkmestergade og virtuelt. Budgettet er alene til kompetenceudvikling i administrationen og indgår ikke i den samlede budgetopfølgning for serviceområderne. Julie sender tilmelding ud i februar.

Chefteamet bemærkede, at behovet for kurser i det nye ESDH-system er størst i Visitationen og i Økonomi, som prioriteres først. Ubrugte midler tilbageføres til uddannelsespuljen ved årets udgang.
"""), "decided", "Decoy: 280.000 kr. til IT-kurser i administrationen (ikke årsbudgettet).", topics=["decoy:budget"]),
        I(4, "Sygefravær – kvartalsopfølgning", "Jesper Toft", ("9.45", "9.55"), T("""
Chefteamet tog kvartalsopfølgningen på sygefraværet til efterretning. Fraværet i 4. kvartal 2019 var 8,1 %, hvilket er et lille fald i forhold til samme periode året før.

Handleplanen for nedbringelse af sygefravær er igangsat i 14 enheder med højt fravær. Der er gode erfaringer med tidlig samtale og delvis raskmelding. Chefteamet bemærkede, at langtidsfraværet fortsat er højt blandt medarbejdere over 55 år.

HR undersøger, om seniorsamtaler og mulighed for nedsat tid kan forebygge langtidssygemeldinger. Tallene for de enkelte forvaltninger sendes til forvaltningscheferne sammen med referatet.
"""), "noted", "Sygefravær 8,1 % i 4. kvartal 2019; handleplan i 14 enheder.", topics=["sygefravær"]),
        I(5, "Eventuelt", "", ("9.55", "10.00"), T("""
Kommende møder – mødet den 30. januar aflyses.
"""), "noted", "Mødet 30. januar aflyses."),
    ],
})

# ------------------------------------------------------------------ 2020-08-28 Rådmandsmøde (md) – closed Punkt 4
DOCS.append({
    "file": "2020-08-28_raadmandsmoede.md", "fmt": "md", "kind": "Rådmandsmøde", "date": "2020-08-28",
    "start": "08:30", "end": "10:15", "place": "Virtuelt", "info_style": "blocks", "participants": None,
    "items": [
        I(1, "Budgetforslag 2021 – prioritering af budgetønsker", "Henrik Dalsgaard og Ole Sandholm", ("8.30", "9.00"), T("""
Rådmanden besluttede, hvilke budgetønsker MSO bringer med i forhandlingerne om Budget 2021:

- Flere hænder i hjemmeplejen (12 mio. kr. årligt)
- Videreførelse af klippekortet på plejehjemmene (8,5 mio. kr.)
- Styrket akutfunktion med to ekstra akutsygeplejersker om natten (2,1 mio. kr.)
- Demografi til plejeboliger (regulering efter ny prognose)

Budgetønsket om et nyt aktivitetscenter i Lisbjerg udskydes til Budget 2022. Rådmanden ønsker, at konsekvenserne af covid-19 for økonomien beskrives særskilt, så det er tydeligt, hvilke udgifter der er engangsudgifter. Økonomi sender det endelige materiale til magistraten den 4. september.
"""), "decided", "Budgetønsker til Budget 2021 prioriteret: hjemmepleje, klippekort, akutfunktion, demografi.", topics=["budget", "klippekort", "akutfunktion"]),
        I(2, "Genoptræning – ventetider på genoptræningsforløb efter sygehusophold", "Anders Bjerre", ("9.00", "9.20"), T("""
Rådmanden tog orienteringen om ventetider til efterretning. Efter nedlukningen i foråret er ventetiden til genoptræning efter sundhedsloven steget til gennemsnitligt 19 dage, hvor målet er 7 dage. Det skyldes især, at holdtræningen har været lukket.

Rehabiliteringsområdet har indført aftentræning og weekendhold i Sundhedshuset Viby og på MarselisborgCentret for at nedbringe ventelisten. Det forventes, at ventetiden er normaliseret ved udgangen af oktober. Rådmanden ønsker status på næste møde i oktober.
"""), "noted", "Ventetid til genoptræning steget til 19 dage efter nedlukningen.", topics=["rehabilitering"]),
        I(3, "Pårørendepolitik – proces", "Helle Munk Bertelsen", ("9.20", "9.40"), T("""
Rådmandsmødekredsen drøftede processen for en ny pårørendepolitik. Der var enighed om, at politikken skal skrives sammen med pårørende og ikke kun om dem.

- Der nedsættes en følgegruppe med pårørende, Seniorrådet, Ældre Sagen og Alzheimerforeningen.
- Politikken skal dække både pårørende til borgere på plejehjem og til hjemmeboende.
- Erfaringerne fra covid-19-besøgsrestriktionerne skal indgå.

Udkast forventes at kunne forelægges i februar 2021.

Rådmanden ønsker desuden, at der ses på, hvordan pårørende til borgere med demens bliver hørt, da de ofte står med de største opgaver. Helle sender kommissoriet for følgegruppen rundt inden næste møde.
"""), "discussed", "Proces for ny pårørendepolitik med følgegruppe af pårørende.", topics=["pårørende"]),
        I(4, "Tilsynssag – Plejehjemmet Kløvervang", "Anette Brøndum og Kasper Ravn", ("9.40", "9.55"), None, "decided",
          "Lukket punkt (ikke i den offentliggjorte tekst): opfølgning på kritisk tilsynsrapport og klage fra pårørende.",
          closed=True, topics=["plejehjem"]),
        I(5, "Genåbning af aktivitetscentre efter covid-19", "Louise Hein", ("9.55", "10.10"), T("""
Rådmanden godkendte planen for gradvis genåbning af aktivitetscentrene fra 1. september 2020 med maksimalt 20 deltagere pr. aktivitet og krav om forhåndstilmelding.

Caféerne åbner med bordservering i stedet for buffet. Holdtræning genoptages i mindre hold. Frivillige over 70 år opfordres til at vente med at vende tilbage, indtil Sundhedsstyrelsens anbefalinger ændres. Planen justeres løbende.

Rådmanden bad om, at lokalcentrene i særlig grad kontakter de borgere, der ikke er vendt tilbage efter nedlukningen, da der er risiko for, at de er blevet isoleret. Der gives status i oktober.
"""), "decided", "Decoy for genoptræning: plan for genåbning af aktivitetscentre efter covid-19.", topics=["covid-19", "decoy:genoptræning"]),
        I(6, "Eventuelt", "", ("10.10", "10.15"), T("""
Ingen punkter under eventuelt.
"""), "none", "Ingen punkter."),
    ],
})

# ------------------------------------------------------------------ 2021-02-04 Chefteammøde (md)
DOCS.append({
    "file": "2021-02-04_chefteammoede.md", "fmt": "md", "kind": "Chefteammøde", "date": "2021-02-04",
    "start": "08:30", "end": "10:00", "place": "Virtuelt", "info_style": "inline", "participants": CT_2019,
    "items": [
        I(1, "Klippekortordningen – videreførelse i 2021", "Malene Juul Poulsen og Kristoffer Dam", ("8.30", "8.50"), T("""
Chefteamet besluttede, at klippekortordningen for hjemmeboende videreføres i en målrettet form fra 1. april 2021:

- Klippekortet tildeles borgere, der modtager personlig pleje, og som bor alene.
- Borgeren får ét klip á 30 minutter hver anden uge; klip kan spares op i op til tre måneder.
- Ordningen på plejehjemmene fortsætter uændret, finansieret af de 8,5 mio. kr. fra budgetforliget.

Seniorrådet har i sit høringssvar bakket op om målretningen, men udtrykt bekymring for borgere, der mister klippene. Visitationen sender brev til de ca. 1.400 borgere, der ikke længere er omfattet. Udgiften til ordningen er beregnet til 5,2 mio. kr. og afholdes inden for rammen.
"""), "decided", "Klippekort målrettes hjemmeboende med personlig pleje, der bor alene.", topics=["klippekort"]),
        I(2, "Pårørendepolitik – udkast", "Helle Munk Bertelsen", ("8.50", "9.10"), T("""
Chefteamet godkendte udkastet til pårørendepolitik med enkelte justeringer og sender det videre til rådmanden.

Politikken har tre pejlemærker: pårørende er en ressource, pårørende har egne behov, og samarbejdet skal være ligeværdigt. Chefteamet ønsker, at politikken får en konkret handleplan, herunder en fast kontaktperson for pårørende på alle plejehjem og et tilbud om pårørendesamtale ved indflytning.

Erfaringer fra perioden med besøgsrestriktioner under covid-19 skrives tydeligere ind. Følgegruppen af pårørende inviteres til et afsluttende møde i marts.
"""), "decided", "Udkast til pårørendepolitik godkendt; fast pårørendekontakt på plejehjem.", topics=["pårørende"]),
        I(3, "Akutfunktionen – kvalitetsstandarder og kapacitet", "Thomas Frølund", ("9.10", "9.30"), T("""
Chefteamet drøftede akutfunktionens kapacitet i forhold til de nye kvalitetsstandarder fra Sundhedsstyrelsen. Akutteamet har i 2020 haft 6.800 besøg, og efterspørgslen fra de praktiserende læger og hospitalerne er stigende.

Drøftelsen pegede på:

- At akutteamet i dag er spredt på tre matrikler, hvilket giver lange køretider om natten.
- At der er behov for en fælles visitation til akutpladserne på Sundhedshuset Vejlby.
- At samarbejdet med Aarhus Universitetshospital om tidlig udskrivelse skal beskrives.

Thomas udarbejder et forslag til ny organisering af akutfunktionen, som forelægges i efteråret.
"""), "discussed", "Akutteamets kapacitet og nye kvalitetsstandarder; forslag til ny organisering følger.", topics=["akutfunktion"]),
        I(4, "Hjemmearbejde og skærmarbejdspladser i administrationen", "Nanna Winther", ("9.30", "9.45"), T("""
Chefteamet godkendte retningslinjer for hjemmearbejde for administrative medarbejdere efter covid-19. Medarbejdere kan som udgangspunkt arbejde hjemme op til to dage om ugen efter aftale med nærmeste leder.

MSO stiller skærm, tastatur og headset til rådighed, og arbejdsmiljørepræsentanterne tilbyder en tjekliste til indretning af skærmarbejdspladsen derhjemme. Retningslinjerne gælder ikke for hjemmeplejen og de borgerrettede enheder. De evalueres i MED efter et år.
"""), "decided", "Decoy: retningslinjer for hjemmearbejde i administrationen (ikke hjemmepleje/skærmbesøg).", topics=["decoy:hjemmepleje", "decoy:digitalisering"]),
        I(5, "Eventuelt", "", ("9.45", "10.00"), T("""
Kommende møder – uændret.

Alle beboere på plejehjemmene har nu fået første stik. Vaccination af hjemmeboende over 85 år påbegyndes i næste uge i Ceres Arena.
"""), "noted", "Vaccinationsstatus på plejehjemmene.", pre=T("""
- 5.1. Kommende møder
- 5.2. Vaccinationsstatus på plejehjemmene
"""), topics=["covid-19"]),
    ],
})

# ------------------------------------------------------------------ 2021-06-18 Rådmandsmøde (plain)
DOCS.append({
    "file": "2021-06-18_raadmandsmoede.txt", "fmt": "plain", "kind": "Rådmandsmøde", "date": "2021-06-18",
    "start": "08:30", "end": "10:00", "place": "Rådhuset, vær. 489", "participants": CT_2019,
    "items": [
        I(1, "Budgetopfølgning – forventet regnskab 2021", "Ole Sandholm", ("8.30", "8.50"), T("""
Rådmandsmødet tog budgetopfølgningen til efterretning. Der forventes et samlet mindreforbrug på 6,4 mio. kr. i 2021. Mindreforbruget skyldes især lavere aktivitet i daghjem og aktivitetscentre i første halvår som følge af covid-19, mens der fortsat er et merforbrug i hjemmeplejen på 11,2 mio. kr.

Merudgifter til værnemidler og test forventes kompenseret fuldt ud. Økonomi gør opmærksom på, at mindreforbruget er midlertidigt og ikke kan forventes i 2022. Forvaltningscheferne skal fortsat følge forbruget i hjemmeplejen tæt.
"""), "noted", "Forventet mindreforbrug 6,4 mio. kr., men merforbrug i hjemmeplejen.", topics=["budget"]),
        I(2, "Handleplan mod ensomhed – status", "Pia Skovsgaard", ("8.50", "9.10"), T("""
Rådmandsmødet tog status på handleplanen mod ensomhed til efterretning. Opsporingen ved forebyggende hjemmebesøg er gennemført hos 2.340 borgere, og 14 % af dem angav, at de ofte føler sig ensomme. 310 borgere er blevet koblet til en besøgsven eller et fællesskab på et lokalcenter.

Nedlukningen har gjort ensomheden større for mange ældre. Rådmanden ønsker, at spisefællesskaberne genstartes hurtigst muligt efter sommerferien, og at der i efteråret laves en særlig indsats for ældre, der har mistet en ægtefælle under pandemien.
"""), "noted", "Status: 2.340 opsporet, 310 koblet til besøgsven eller fællesskab.", topics=["ensomhed"]),
        I(3, "Hospice – udvidelse med fire pladser", "Marianne Fog", ("9.10", "9.30"), T("""
Rådmandsmødekredsen drøftede behovet for flere hospicepladser i Aarhus. Ventetiden til hospice er i gennemsnit 9 dage, og omkring hver femte borger dør, inden der bliver en plads.

- Region Midtjylland er positiv over for en udvidelse med fire pladser på Hospice Egå Engsø.
- Kommunens andel af driftsudgiften vil være ca. 2,9 mio. kr. årligt.
- Der skal samtidig ses på den palliative indsats i hjemmeplejen og på plejehjemmene, så flere kan dø hjemme, hvis de ønsker det.

Sagen forberedes som budgetønske til Budget 2022, og der tages kontakt til regionen om en fælles plan.
"""), "discussed", "Behov for fire ekstra hospicepladser på Hospice Egå Engsø; budgetønske 2022.", topics=["hospice"]),
        I(4, "Madservice – tilfredshedsundersøgelse 2021", "Eva Damsgaard", ("9.30", "9.50"), T("""
Rådmandsmødet tog orienteringen om tilfredshedsundersøgelsen af madservice til efterretning. 82 % af borgerne, der får mad leveret, er tilfredse eller meget tilfredse med maden, hvilket er på niveau med 2019. Der er mindre tilfredshed med variationen i menuen og med leveringstidspunktet.

Det Gode Køkken arbejder videre med flere retter fra det traditionelle danske køkken og mulighed for at vælge mellem to hovedretter hver dag. Leveringen af kølemad ændres, så borgerne får besked om tidspunktet dagen før.
"""), "noted", "82 % tilfredse med madservice; ønske om mere variation.", topics=["madservice"]),
        I(5, "Eventuelt", "", ("9.50", "10.00"), T("""
Rådmanden orienterede om sommerbesøg på plejehjem i juli. Plejehjemmene Skovgården og Kløvervang står på programmet.
"""), "noted", "Rådmandens sommerbesøg på plejehjem.", topics=["plejehjem"]),
    ],
})

# ------------------------------------------------------------------ 2021-11-25 Chefteammøde (md)
DOCS.append({
    "file": "2021-11-25_chefteammoede.md", "fmt": "md", "kind": "Chefteammøde", "date": "2021-11-25",
    "start": "08:30", "end": "09:55", "place": "Rådhuset, vær. 489 - sagsbehandlere virtuelt", "info_style": "blocks",
    "participants": None,
    "items": [
        I(1, "Hospice – udvidelse med fire pladser", "Marianne Fog", ("8.30", "8.45"), T("""
Chefteamet besluttede at gå videre med udvidelsen af Hospice Egå Engsø med fire pladser, efter at byrådet i budgetforliget for 2022 har afsat 2,9 mio. kr. årligt til formålet.

- Der indgås aftale med Region Midtjylland om fordeling af pladserne og visitation.
- De nye pladser forventes taget i brug 1. september 2022.
- Samtidig styrkes den palliative indsats i hjemmeplejen med et palliativt team på 3 sygeplejersker.

Marianne koordinerer med Region Midtjylland og vender tilbage med en tidsplan i februar.
"""), "decided", "Udvidelse af Hospice Egå Engsø med fire pladser besluttet efter budgetforlig 2022.", topics=["hospice"]),
        I(2, "Akutfunktionen – ny organisering", "Thomas Frølund og Susanne Mørk Thomsen", ("8.45", "9.05"), T("""
Chefteamet godkendte den nye organisering af akutfunktionen:

1. Akutteamet samles i én enhed med base på Sundhedshuset Vejlby og en satellit i Brabrand.
2. Der indføres en fælles visitation til de 24 akutpladser.
3. Der ansættes en akutlæge i samarbejde med Region Midtjylland (deltid).

Omorganiseringen gennemføres fra 1. marts 2022 og finansieres inden for rammen samt de 2,1 mio. kr. fra Budget 2021. Chefteamet ønsker, at medarbejderne inddrages i planlægningen af vagtlagene, og at køretiderne om natten følges.
"""), "decided", "Akutteamet samles i Vejlby med satellit i Brabrand; fælles visitation til akutpladser.", topics=["akutfunktion"]),
        I(3, "Arbejdsmiljø – trivselsmåling 2021", "Jesper Toft og Mette Friis Lauridsen", ("9.05", "9.25"), T("""
Chefteamet tog resultaterne af trivselsmålingen til efterretning. Svarprocenten var 78 %. Den samlede trivsel er faldet en smule siden 2019, og særligt oplevelsen af arbejdspres og muligheden for at nå opgaverne scorer lavt i hjemmeplejen.

Positivt er det, at medarbejderne oplever god støtte fra kolleger og nærmeste leder. Hver enhed skal udarbejde handleplaner i MED inden 1. marts 2022. HR samler op og præsenterer et overblik for chefteamet.

Chefteamet ønsker, at resultaterne for hjemmeplejen drøftes særskilt med driftscheferne, og at der ses på sammenhængen mellem arbejdspres, sygefravær og personaleomsætning. Resultaterne offentliggøres på intranettet.
"""), "noted", "Trivselsmåling 2021: lavere trivsel, højt arbejdspres i hjemmeplejen.", topics=["sygefravær"]),
        I(4, "Alenearbejde i nattevagten", "Jesper Toft", ("9.25", "9.45"), T("""
Chefteamet drøftede arbejdsmiljøet for medarbejdere, der arbejder alene om natten i hjemmeplejen og på de mindre plejecentre. Der har i 2021 været 11 anmeldte episoder med trusler og vold mod medarbejdere i nattevagt.

Der var enighed om at se på:

- Overfaldsalarm til alle medarbejdere i nattevagt.
- Mulighed for dobbeltbesøg hos borgere med kendt udadreagerende adfærd.
- Bedre opfølgning og debriefing efter episoder.

HR og Arbejdsmiljø kommer med et konkret forslag i foråret.
"""), "discussed", "Arbejdsmiljø for medarbejdere alene i nattevagt (decoy for ensomhed).", topics=["sygefravær", "decoy:ensomhed"]),
        I(5, "Eventuelt", "", ("9.45", "9.55"), T("""
Kommende møder – mødet den 23. december aflyses.

Vinterberedskab: Der er udarbejdet plan for snerydning og prioritering af besøg i hjemmeplejen ved glatføre. Peter sender planen rundt.
"""), "noted", "Vinterberedskab i hjemmeplejen.", pre=T("""
- 5.1. Kommende møder
- 5.2. Vinterberedskab
""")),
    ],
})
