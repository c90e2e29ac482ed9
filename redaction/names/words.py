"""Word sets that tell a name from what stands where names stand.

Stop words that are never a name, honorifics that end one, words that make the capitalised
words before them a place, greetings, roles and field labels before a colon, verbs a person
does, and the suffixes of romanised Japanese and Korean place names.
"""

from __future__ import annotations

from redaction.literals import expand


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def set_of(alternatives: str) -> frozenset[str]:
    return frozenset(alternatives.split("|"))


# Honorifics that end a run of capitalised words ("… Dott. Bianchi"): only those that are
# never a surname too ("Sheikh", "Don", "Bay" are).
_TITLE_WORDS = (
    r"mr|mrs|ms|mx|miss|dr|prof|herr|herrn|frau|mme|mlle|sra|srta|dott|dott\.ssa|avv|dhr|mevr"
    r"|sayın|shri|smt|pan|pani|madame|monsieur|mademoiselle|se[ñn]or|se[ñn]ora|senhor|senhora"
    r"|signor|signora|domnul|doamna"
)


# Capitalised words that are never a name, even after a cue ("Dear Customer", "Hi Team").
STOP_WORDS = STOP = word_set(
    """
    a an the this that these those and or but if in on at to for of with from by as is are
    was were be been it its i we you he she they my our your his her their me us them all
    any some no not yes ok okay please thanks thank hello hi dear sir madam customer
    customers team support service services sales billing admin administrator user users
    client clients colleague colleagues friends everyone there here staff member members
    manager department office company inc ltd llc gmbh ag sa bv ab plc corp corporation bank
    university hospital clinic school group order orders invoice account payment card street
    road avenue monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december today tomorrow
    yesterday new york london paris berlin madrid rome amsterdam stockholm europe america mr
    mrs ms dr prof regards best kind sincerely cheers name signed subject re fw fwd note
    notes update status error warning info debug true false none null ticket case ref id
    i've i'm i'll i'd i’ve i’m i’ll i’d
    dept hr it ops qa devops crm api sla faq pdf url uk us usa eu un feb mar apr jun jul
    aug sep sept oct nov dec mon tue wed fri sat dob id tel fax env
    german french spanish italian dutch english polish turkish greek thai chinese japanese
    korean indian russian ukrainian swedish danish norwegian finnish portuguese brazilian
    son daughter mother father wife husband brother sister mum mom dad min din sin bien dane
    """
)
# Honorifics of more than one letter: inside a run of capitalised words they end a name.
TITLES = frozenset(word.rstrip(".") for word in expand(_TITLE_WORDS))


# Words that make the capitalised words before them a place or an institution's name.
PLACE = word_set(
    """
    avenue street st road rd boulevard blvd lane drive square place bridge airport station
    hospital university college school institute foundation center centre building tower hall
    stadium prize award church cathedral museum library gallery highway way plaza memorial
    straße strasse platz allee weg rue via calle plaza piazza corso ulica utca caddesi
    biotech telecom pharma pharmaceuticals analytics labs lab systems solutions software
    technologies technology tech insurance logistics foods motors airlines airways holdings
    partners capital consulting media studio studios clinic bank group ventures energy
    networks cloud robotics dynamics industries international global services airport
    """
)
# Greetings: capitalised at a sentence's start, never a name ("Bonjour Marie": the cue).
GREETINGS = word_set(
    """
    bonjour bonsoir salut guten tag morgen abend hola buenos buenas hallo hello hi hey hej
    hei ciao buongiorno buonasera merhaba namaste salam habari jambo olá ola oi cześć dzień
    szia ahoj moin servus sawubona kia ora shalom privet zdravstvuyte konnichiwa annyeong
    """
)


# Verbs that, right after capitalised words, make them the name of someone who acts.
VERBS = word_set(
    """
    says said joins joined forwarded reports reported wrote writes confirmed confirms asked
    asks added called calls emailed mentioned mentions told replied complained requested
    agreed claims claimed insists insisted explained noted stated accepted declined signed
    approved refused visited arrived left phoned rang texted messaged explains thinks thought
    wants wanted needs needed will would can could has had was is reported tested presented
    attended attends underwent received receives collected collects lives lived works worked
    disputes disputed contacted contacts apologised apologized promised denies denied
    exceeded exceeds completed completes met missed led leads managed manages handled
    delivered resigned started finished passed failed scored earned improved improves
    opened opens closed raised logged filed sent sends paid pays ordered bought booked
    changed invited leaves
    """
)
# Romanised Japanese and Korean place parts: "Shimogyo-ku", "Gangnam-gu", "Teheran-ro".
PLACE_SUFFIXES = ("-ku", "-cho", "-shi", "-machi", "-mura", "-gun", "-gu", "-dong", "-ro", "-gil")
# Words that, after the capitalised words of a name, make them an organisation's, a
# product's or a place's name instead ("Marie Curie Hospice", "Orion Payroll", "Hugo Boss
# AG", "Makati City"): head nouns and legal forms of the main European languages.
ORGANISATIONS = PLACE | word_set(
    """
    ltd limited inc llc llp plc corp co company companies gmbh ag kg ohg ug mbh ev sa sas
    sarl sàrl srl spa sl slu ltda bv nv oy oyj ab asa aps as pty pvt sp zoo aş
    group gruppe groupe grupo gruppo groep bank banco banca banque banken hospice house
    hospital trust charity foundation fund payroll finance financial fintech workspace
    rulebook handbook manual suite platform portal app apps consultancy consultants agency
    associates academy council ministry authority bureau society association club union
    federation hotel hostel restaurant cafe café bistro bakery pharmacy store stores shop
    market supermarket outlet boutique brewery winery dental health healthcare care
    properties realty estates construction engineering electronics semiconductors
    wireless broadband communications telecoms travel tours transport freight shipping
    express couriers courier cargo packaging textiles apparel fashion cosmetics beauty
    chemicals steel metals mining oil gas petroleum power solar utilities water retail
    wholesale trading imports exports brands products supplies equipment security
    stiftung verein klinik klinikum krankenhaus praxis apotheke versicherung versicherungen
    werke werk haus fondation banque clinique hôpital pharmacie société assurances
    fundación fundação clínica farmacia farmácia seguros fondazione clinica ospedale
    assicurazioni stichting ziekenhuis apotheek verzekeringen stiftelse sjukhus apotek
    fundacja szpital apteka holding hastanesi vakfı advogados abogados avvocati avocats
    advocaten anwälte rechtsanwälte kanzlei notariat solicitors lawyers attorneys
    city town county province district
    region municipality village kota kabupaten kecamatan
    """
)
# Indonesian and Malay compass words that end a district's name ("Denpasar Selatan").
COMPASS = word_set("selatan utara barat timur tengah")
# Field labels of forms, which stand where a name stands ("Anamnese: Chiara Meier"), and the
# endings of compound labels ("Geburtsdatum", "Sendungsnummer", "personnummer"). Not the
# words for birth: "Nascimento" is a surname too.
LABELS = word_set(
    """
    anamnese anamnesis diagnose diagnosis befund epikrise dob nationality nationalität
    nationalité nacionalidad nazionalità geschlecht sexe sexo gender
    """
)
LABEL_ENDINGS = (
    "datum",
    "nummer",
    "number",
    "numero",
    "número",
    "adresse",
    "dato",
    "verbindung",
    "meldung",
)
# Lower-case words that make a capitalised word after them a place: "in Verona", "stin
# Athina", "w Krakowie" (a person is rarely "in Anna"; not "à", "en", "na": "merci à Marie",
# Dutch "Jan en Piet", Polish "czekam na Anię"; "im" only after a place, as chat's "hi im
# Anna" is an introduction).
LOCATIVES = word_set("in aus nach au em w we stin sto sti în iz из в во")
# German prepositions fused with an article, capitalised at a sentence's start: "Am Montag",
# "Im Jahr 2024" are no name, though "Im" is a Korean surname.
CONTRACTIONS = word_set("am im zum zur beim vom ins ans aufs")


# Roles and field labels that stand before a colon at a line's start, in the languages of
# the cues: never a speaker's name.
ROLES = word_set(
    """
    agent bot assistant customer client visitor user guest support system operator admin
    moderator host staff me you note subject from to cc bcc date time status re fw fwd sent
    reply summary reason action result outcome issue problem question answer update error
    warning info comment comments tags tag priority channel source type category label
    callback officer manager caller patient doctor nurse advisor adviser consultant rep
    cliente clienta kunde kundin klient klientka klant asiakas kund müşteri musteri
    agente agent operatore operatrice operador operadora opérateur operateur operatør
    atendente atendimento asesor asesora berater beraterin medewerker konsultant konsulent
    temsilci danışman pracownik doradca konzultant ügyfél ügyintéző tanácsadó
    usuario usuaria utente utilisateur benutzer gebruiker kullanıcı użytkownik uživatel
    suporte soporte supporto support assistente asistente vendedor venditore verkäufer
    anschrift adresse adres adress address indirizzo direccion dirección endereço endereco
    morada osoite adresa cím postadresse telefon teléfono telefone telefono puhelin
    nome nombre nom navn namn imię imie ad soyad geburtsdatum email correo betreff asunto
    oggetto objet onderwerp ämne emne konu temat bewerbung candidatura solicitud
    iban bic swift account konto cuenta conto rekening hesap tc cnp pesel nif nie dni ssn pan
    landlord landlady tenant buyer seller sender receiver recipient shipper consignee
    consignor owner vermieter vermieterin mieter mieterin käufer käuferin verkäuferin
    absender empfänger hausverwaltung propriétaire locataire acheteur vendeur vendeuse
    expéditeur destinataire arrendador arrendadora inquilino inquilina comprador compradora
    remitente destinatario locatore locatrice acquirente mittente proprietario proprietária
    locador locatário verhuurder huurder koper verkoper afzender ontvanger wynajmujący
    najemca kupujący sprzedający nadawca odbiorca hyresvärd hyresgäst köpare säljare
    avsändare mottagare utleier leietaker kjøper selger vuokranantaja vuokralainen ostaja
    myyjä sahibi kiracı alıcı satıcı gönderici pronajímatel nájemce kupující prodávající
    bérbeadó bérlő vevő eladó feladó címzett
    """
)
# Field labels of forms before a colon ("Adres:", "Tel.:", "Courriel :"): a text with one of
# them is a form, and its other labels are no chat speaker's name.
FORM_LABELS = word_set(
    """
    name full surname address addr adresse adres adress anschrift indirizzo dirección
    direccion endereço endereco morada osoite adresa cím lakcím domicilio wohnhaft wohnort
    residence phone tel tel. telephone telefon telefoon téléphone teléfono telefone telefono
    puhelin mobile mob handy cell gsm email e-mail mail courriel correo correio posta
    naam név imię imie nazwisko jméno příjmení nome nombre apellidos vorname nachname prénom
    nom navn namn etunimi sukunimi dob born geburtsdatum geboortedatum iban konto postcode
    plz zip ort city stadt ville ciudad città cidade miasto kaupunki město város stad by
    """
)
