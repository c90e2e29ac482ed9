"""Templates used only for the held-out split (never shown to the people tuning the engine)."""

from __future__ import annotations

from tmpl import J, T

DE = ("DE", "AT", "CH")
FR = ("FR", "BE", "CH")
ES = ("ES", "MX", "AR")

TEMPLATES = [
    # ------------------------------------------------------------------ tickets
    T(
        "ticket",
        "Caller identified as {p.full}. Wants the {product} repair picked up from "
        "{p.addr} on {weekday}. Reachable on {p.phone} after {time}. Job {ticket}.",
    ),
    T(
        "ticket",
        "Escalation from the shop floor: customer insisted on paying with a card that "
        "the terminal refused ({p.card}). Name on the card {p.caps}. Manager {a.first} approved "
        "a manual voucher, ref {invoice}.",
    ),
    T(
        "ticket",
        "Re: {ticket} - still broken\n\nThe login page loops after entering "
        "{p.email_plain}. Browser {software}, OS build {winbuild}. My colleague {q.initial} has "
        "the same issue.\n-- {p.first}",
    ),
    T(
        "ticket",
        "Address verification failed for the delivery to {p.addr_caps}. Courier "
        "{company} needs a landline; customer gave {p.phone}. Tracking {tracking}.",
    ),
    T(
        "ticket",
        "Please remove {p.full} (born {p.dob}) from the marketing list. {p.he_c} "
        "asked by post, letter dated {appt}. Customer id {order}.",
    ),
    T(
        "ticket",
        "Lost-card report. Holder {p.title}, card {p.card}, last used at {company} for "
        "{amount}. New card to be sent to {p.street}. Identity checked with {p.natid_name}.",
    ),
    T(
        "ticket",
        "Maintenance window for {software}: {weekday} {time}-{time2} UTC. Hosts on build "
        "{build} get the patch first; nothing to do for end users. Change {ticket}.",
        clean=True,
    ),
    T(
        "ticket",
        "Staff member {a.full} accidentally e-mailed the statement of {p.full} "
        "(IBAN {p.iban}) to {q.email}. Data-breach form started; DPO informed.",
    ),
    # ------------------------------------------------------------------ chat
    T(
        "chat",
        "me again lol. {p.firstl} here. the guy at the counter, think his name was "
        "{q.firstl}, said to msg u. my card {p.card} got eaten by the machine",
        lower=True,
    ),
    T(
        "chat",
        "visitor: can you send the invoice to my accountant {q.full}? her address is "
        "{q.email}\nagent: Of course. Anything else?\nvisitor: no thats all, thanks",
    ),
    T(
        "chat",
        "wat time do u close on {weekday}? need to pick up order {order} for {p.fulll}, "
        "{p.he} cant come {p.him}self so im going instead",
        lower=True,
    ),
    T(
        "chat",
        "[{time}] {a.first} (support): Hello! Who am I speaking with?\n[{time}] guest: "
        "{p.lastfirst}\n[{time}] {a.first} (support): Thanks. Can you confirm your date of birth?"
        "\n[{time}] guest: {p.dob}",
    ),
    T(
        "chat",
        "pls ignore the previous msg, wrong chat. my ip is {p.ip} if the firewall needs "
        "it. ask for {q.firstl} in networking",
        lower=True,
    ),
    T(
        "chat",
        "Klant: Goedemiddag, ik ben {p.full}. Mijn pakket {dhl} is niet aangekomen.\n"
        "Medewerker: Wat vervelend, {p.title}. Wat is uw adres?\nKlant: {p.addr}",
        countries=("NL", "BE"),
    ),
    T(
        "chat",
        "müşteri: iyi günler, benim adım {p.full}, doğum tarihi: {p.dob}. kartım çalındı\n"
        "temsilci: geçmiş olsun {p.title}, kartınızı hemen bloke ediyorum\nmüşteri: teşekkürler",
        countries=("TR",),
    ),
    T(
        "chat",
        "cliente: sono {p.full}, data di nascita {p.dob}, abito in {p.addr}\n"
        "operatore: perfetto, grazie",
        countries=("IT",),
    ),
    T(
        "chat",
        "User: is the {product} compatible with {software}?\nBot: Yes, from firmware "
        "{version}. See the compatibility list on {domain}.\nUser: great thx",
        clean=True,
    ),
    # ------------------------------------------------------------------ e-mail
    T(
        "email",
        "Dear {p.title},\n\nthank you for choosing {company}. Your booking {order} for "
        "{appt} is confirmed. We will call you on {p.phone} the day before.\n\nWarm regards,\n"
        "{a.full}\nGuest Relations",
    ),
    T(
        "email",
        "Hi {p.first},\n\nhope you're well! Forwarding {x.full}'s CV as promised - "
        "{x.first} is moving to {p.city} next month and is looking for analyst roles. Profile: "
        "{x.url}\n\nTalk soon,\n{q.first}",
    ),
    T(
        "email",
        "To whom it may concern,\n\nI, {p.formal}, residing at {p.addr}, authorise "
        "{q.full} to collect documents on my behalf.\n\nSigned,\n{p.full}",
    ),
    T(
        "email",
        "Hallo {p.first},\n\nkannst du bitte {q.full} zurückrufen? Nummer: {q.phone}. Es "
        "geht um die Rechnung {invoice}.\n\nDanke!\n{a.first}",
        countries=DE,
    ),
    T(
        "email",
        "Bonjour {p.title},\n\nnous accusons réception de votre dossier {ticket}. Merci de "
        "nous faire parvenir un RIB au nom de {p.full} ({p.iban}).\n\nCordialement,\n{a.full}",
        countries=FR,
    ),
    T(
        "email",
        "Team,\n\nthe {month} KPI pack is on the shared drive. Revenue {amount}, "
        "churn flat. The dashboard is mirrored at {domain} for partners; please do not link "
        "{example} in client decks.\n\nFinance",
        clean=True,
    ),
    T(
        "email",
        "Thanks,\n{p.initial}\n{company} | Mob {p.phone_intl}\n\n> On {weekday}, {q.full} "
        "wrote:\n> Could you resend the contract to {q.email_plain}?",
    ),
    T(
        "email",
        "Hola {p.first}:\n\nte paso el contacto de {q.full}: {q.phone}. Vive en "
        "{q.addr}, por si quieres mandarle el regalo.\n\nUn abrazo,\n{a.first}",
        countries=ES,
    ),
    # ------------------------------------------------------------------ clinical
    T(
        "clinical",
        "Referral letter. Re: {p.full}, {p.dob_cue}, address {p.addr}. Thank you for "
        "seeing this patient with a 6-month history of exertional dyspnoea. Kind regards, Dr. "
        "{a.last}",
    ),
    T(
        "clinical",
        "Nursing handover: bed {nn} - {p.caps}, {p.age}y, falls risk. Daughter "
        "{qf.firstl} visiting {weekday}; she is the contact on {qf.phone}.",
    ),
    T(
        "clinical",
        "Radiology: MRI lumbar spine for {p.lastfirst} ({p.natid_name} {p.natid}). "
        "Findings: L4/5 disc protrusion. Report sent to {a.title}.",
    ),
    T(
        "clinical",
        "Dental recall letter queued. Patient {p.full}, last check-up {appt}, hygienist "
        "visit overdue. Preferred contact "
        "{p.email}. No allergies recorded.",
    ),
    T(
        "clinical",
        "Infection control memo: the {month} audit found hand-hygiene compliance of "
        "92 %. Ward {nn} reached 97 %. Next audit {appt}. Device list version {version}.",
        clean=True,
    ),
    # ------------------------------------------------------------------ HR
    T(
        "hr",
        "Offer letter sent to {p.full} on {appt}. Relocation from {p.city}; temporary "
        "housing booked at {q.street}. Personal phone {p.phone}.",
    ),
    T(
        "hr",
        "Disciplinary meeting notes: present {p.full} (employee), {q.title} (manager), "
        "{r.full} (HR). {p.first} acknowledged the late arrivals.",
    ),
    T(
        "hr",
        "Please update payroll: {p.lastfirst}, {p.natid_name} {p.natid}, new bank account "
        "{p.iban}, effective {month}.",
    ),
    T(
        "hr",
        "Parental leave request from {p.full}: expected due date {appt}, leave starting two "
        "weeks before. Cover: {q.first}.",
    ),
    T(
        "hr",
        "Org update: the {city} warehouse team moves to the new site on {weekday}. Badge "
        "readers run firmware {build}. Questions to the facilities ticket queue ({ticket}).",
        clean=True,
    ),
    # ------------------------------------------------------------------ financial
    T(
        "financial",
        "Customer due diligence: {p.full}, {p.dob_cue}, {p.natid_name} {p.natid}, "
        "address {p.addr}. Occupation: engineer at {company}. Expected monthly turnover {amount}.",
    ),
    T(
        "financial",
        "Chargeback {ticket}: {p.card_brand} ending {p.card4}, holder {p.full}. "
        "Merchant {company} disputes; evidence due {appt}.",
    ),
    T(
        "financial",
        "Standing order set up by {p.title}: {amount} monthly to {q.full}, IBAN "
        "{q.iban}, first payment {appt}.",
    ),
    T(
        "financial",
        "Payment file check: line 14 has IBAN {badiban} (checksum fails), line 22 a "
        "card-like value {badcard}; both rejected. Batch {invoice}.",
        clean=True,
    ),
    T(
        "financial",
        "Fraud alert: new device logged into {p.user}'s account from {p.ip6}; a "
        "transfer of {amount} to {x.iban} ({x.full}) was blocked.",
    ),
    # ------------------------------------------------------------------ log
    T(
        "log",
        "{ts} NOTICE sshd: Accepted publickey for deploy from {p.ip} port 51122\n{ts2} "
        "INFO audit: user {p.email_plain} elevated to admin by {a.email_work}",
    ),
    T(
        "log",
        '{ts} INFO crm: contact updated name="{p.caps}" phone="{p.phone}" source=import job={uuid}',
    ),
    T(
        "log",
        "{ts} INFO cdn: purge ok for {domain} assets build={build} ({githash})\n{ts2} INFO "
        "cdn: warmed 1,204 objects in eu-central; cache hit ratio 0.93",
        clean=True,
    ),
    # ------------------------------------------------------------------ JSON
    J(
        "json",
        {
            "applicant": {
                "fullName": "{p.full}",
                "birth": "{p.dob}",
                "residence": {"line1": "{p.street}", "zip": "{p.pc_city}"},
            },
            "status": "pending",
            "submitted": "{ts}",
        },
    ),
    J(
        "json",
        {
            "from": "{p.email_plain}",
            "to": ["{q.email_plain}"],
            "cc": [],
            "subject": "Flat viewing",
            "text": "Hi {q.first}, is {weekday} ok for the viewing at {p.street}? {p.first}",
        },
    ),
    J(
        "json",
        {
            "payer": {"name": "{p.full}", "iban": "{p.iban}"},
            "amount": "{amount}",
            "reference": "{invoice}",
        },
    ),
    J(
        "json",
        {
            "name": "{p.caps}",
            "nid": "{p.natid}",
            "tel": "{p.phone_intl}",
            "notes": ["called twice", "prefers e-mail: {p.email}"],
        },
    ),
    J(
        "json",
        {
            "transcript": [
                {"speaker": "agent", "text": "Who am I speaking to?"},
                {"speaker": "caller", "text": "{p.fulll}, i live on {p.street}"},
            ]
        },
    ),
    J(
        "json",
        {
            "build": "{build}",
            "platform": "{software}",
            "checksum": "{githash}",
            "mirrors": ["{domain}", "{example}"],
        },
        clean=True,
    ),
    J(
        "json",
        {
            "device": {
                "id": "{uuid}",
                "last_ip": "{p.ip}",
                "owner": {"display": "{p.full}", "mail": "{p.email}"},
            }
        },
    ),
]

TEMPLATES += [
    # ------------------------------------------------------------------ tickets
    T(
        "ticket",
        "Customer complaint - escalated\n\nWho: {p.lastfirst}\nContact: {p.email_obf} / "
        "{p.phone}\nWhat happened: the engineer booked for {appt} never showed up. The "
        "customer took a day off work and waited at {p.addr} all day. Second engineer "
        "({company}) arrived on {appt2} but had the wrong part (ordered {sku}, received "
        "{sku2}).\nWhat they want: compensation and a fixed date. They mentioned they would "
        "post about it on social media.\nNext step: {a.first} to call back before {time}.",
    ),
    T(
        "ticket",
        "Hello, I'm writing because my late mother's account is still active. Her name was "
        "{qf.formal}, born {qf.dob}, and she lived at {qf.addr}. I'm her executor, {p.full}; "
        "the death certificate is attached. Please close the account and refund the balance "
        "to my account {p.iban}.",
    ),
    T(
        "ticket",
        "Hotline note: caller refused to give a name, asked whether number {badphone} on their "
        "bill is ours. It's an internal routing code, not a phone number. No action.",
        clean=True,
    ),
    T(
        "ticket",
        "Shipping label misprint: the label for order {order} shows the recipient as "
        "{p.caps}, {p.addr_caps}, but the barcode decodes to {tracking}. Reprinted; old label "
        "shredded.",
    ),
    T(
        "ticket",
        "User {p.initial} cannot reach the intranet from home. Traceroute dies after "
        "{p.ip}. Corporate proxy returns 407. Ticket opened by {q.full}.",
    ),
    T(
        "ticket",
        "Library system: the ISBN {isbn} scans as a different title. Catalogue record "
        "{ticket} needs fixing; supplier {company}.",
        clean=True,
    ),
    # ------------------------------------------------------------------ chat
    T(
        "chat",
        "{p.firstl}: morning!! r we still on for {weekday}\n{q.firstl}: yes, at {q.street}, "
        "buzzer says {q.last}\n{p.firstl}: perfect see u at {time}",
        lower=True,
    ),
    T(
        "chat",
        "agent: Is this {p.title}?\ncaller: Speaking.\nagent: I'm calling about the "
        "repayment. Could you confirm your date of birth?\ncaller: {p.dob_en}\nagent: "
        "Thanks. We can set up a plan from {appt}.",
    ),
    T(
        "chat",
        "sry typo in my email before, its {p.email_obf} not the other one. also cc "
        "{q.firstl} pls, {q.he} pays the bills in our house",
        lower=True,
    ),
    T(
        "chat",
        "Cliente: Hola, me llamo {p.first} y vivo en {p.addr}. ¿Pueden recoger la lavadora "
        "vieja el [[lunes|martes|miércoles|jueves|viernes|sábado]]?\nAgente: Claro, {p.first}. "
        "¿Un teléfono de contacto?\nCliente: "
        "{p.phone}",
        countries=ES,
    ),
    T(
        "chat",
        "Guest: hi, can the {product} run {software}?\nAgent: It can from {build}. "
        "Instructions are on {example}.\nGuest: and the serial {badid} on the box, do I need "
        "it?\nAgent: Only for warranty claims.",
        clean=True,
    ),
    T(
        "chat",
        "Asiakas: Hei, nimeni on {p.full}. Osoitteeni on {p.addr}. Tilaukseni {order} ei ole "
        "tullut.\nAsiakaspalvelu: Kiitos {p.first}, tarkistan asian.",
        countries=("FI",),
    ),
    T(
        "chat",
        "Kunde: Hej, mit navn er {p.full}, jeg bor på {p.addr}. Min telefon er {p.phone}.\n"
        "Medarbejder: Tak, {p.first}!",
        countries=("DK",),
    ),
    # ------------------------------------------------------------------ email
    T(
        "email",
        "Dear {p.first},\n\nWelcome to the tenants' association! Our next meeting is on "
        "{weekday} at {time} in the community room. Minutes are taken by {q.full}; questions "
        "can go to {q.him} directly at {q.email}.\n\nBest wishes,\n{r.full}\nChair",
    ),
    T(
        "email",
        "Subject: npm audit\n\nFYI the audit flags {pkg} and recommends {version}. The "
        "maintainer contact in package.json is {placeholder_email}, which is obviously a "
        "placeholder. I'll open a PR.\n\n- build bot",
        clean=True,
    ),
    T(
        "email",
        "Hi {p.first},\n\nSo sorry to hear about the accident. I've told {q.first} and "
        "{r.first} you'll be out until {appt}. If you need anything dropped off at "
        "{p.street}, just text me on {a.phone}.\n\nTake care,\n{a.first}",
    ),
    T(
        "email",
        "Sehr geehrte Frau {pf.last},\n\nvielen Dank für Ihre Bewerbung. Wir laden Sie am "
        "{appt} um {time} Uhr zu einem Gespräch in unser Büro ein. Bitte bringen Sie Ihren "
        "Ausweis mit.\n\nFreundliche Grüße\n{a.full}\nPersonalabteilung",
        countries=DE,
    ),
    T(
        "email",
        "Goedendag {p.title},\n\nHierbij bevestigen wij uw afspraak op {appt}. Uw "
        "geboortedatum ({p.dob}) en BSN ({p.natid}) zijn gecontroleerd.\n\nMet vriendelijke "
        "groet,\n{a.full}",
        countries=("NL",),
    ),
    # ------------------------------------------------------------------ clinical
    T(
        "clinical",
        "Outpatient summary\nPatient: {p.full} | {p.natid_name}: {p.natid} | DOB {p.dob}\n"
        "Clinic: Dermatology, {appt}\n\nHistory: {p.age}-year-old with a changing naevus on "
        "the upper back noticed by {p.his} partner {q.first} three months ago. No family "
        "history of melanoma.\nExamination: 7 mm asymmetric pigmented lesion, irregular "
        "border.\nPlan: excision biopsy, results by letter to {p.addr}. Patient consented to "
        "SMS reminders on {p.phone}.\n\nDr. {a.last}",
    ),
    T(
        "clinical",
        "Ambulance handover {ts}: male approx. 60, found at {p.street}, identified by "
        "neighbour as {p.full}. GCS 14. Neighbour's number {q.phone}.",
    ),
    T(
        "clinical",
        "Pathology QC: analyser firmware {version}; control lot {invoice} within range; "
        "calibration {appt}. No patient samples affected.",
        clean=True,
    ),
    # ------------------------------------------------------------------ HR
    T(
        "hr",
        "Timesheet query: {p.first} ({p.email_work}) logged 52 hours in week {n}. Manager "
        "{q.initial} to confirm overtime before payroll run {invoice}.",
    ),
    T(
        "hr",
        "Relocation package approved for {p.formal}: flights for {p.him} and "
        "{p.his} partner {q.full}, temporary flat at {r.street} for {n} weeks, shipping of "
        "household goods from {p.city}.",
    ),
    T(
        "hr",
        "Training attendance {month}: First aid (12), Fire warden (8), {software} basics (31). "
        "Room bookings via facilities; no personal data recorded here.",
        clean=True,
    ),
    # ------------------------------------------------------------------ financial
    T(
        "financial",
        "Remittance advice\nPayee: {p.full}\nBank account: {p.iban}\nAmount: {amount}\n"
        "Reference: {invoice}\nValue date: {appt}\nQueries: {a.email_work}",
    ),
    T(
        "financial",
        "Fraud ring analysis: cards {p.card} and {q.card} were used from the same device "
        "({p.ip6}) within 4 minutes. Holders {p.full} and {q.full} both say they were not "
        "involved. Note: {badip} in the device log is a parsing artefact.",
    ),
    T(
        "financial",
        "Mortgage application notes: applicants {p.full} and {q.full}, property {p.addr}. "
        "Valuation {amount}. Solicitor {r.full}, {r.phone}.",
    ),
    # ------------------------------------------------------------------ log
    T(
        "log",
        "{ts} INFO signup: new user {p.user} email={p.email_plain} ip={p.ip} country="
        "{p.country}\n{ts2} INFO signup: verification mail sent\n{ts3} WARN signup: "
        "captcha score 0.2 for {p.ip}",
    ),
    T(
        "log",
        "{ts} ERROR snmp: walk failed for {oid} on switch-{nn} (timeout)\n{ts2} INFO snmp: "
        "retry ok, firmware {build}",
        clean=True,
    ),
    # ------------------------------------------------------------------ JSON
    J(
        "json",
        {
            "conversation": {
                "id": "{uuid}",
                "participants": ["{p.full}", "{a.first} (agent)"],
                "messages": [
                    {"from": "customer", "text": "hi, i need to update my phone number"},
                    {"from": "agent", "text": "Sure, what's the new one?"},
                    {
                        "from": "customer",
                        "text": "{p.phone} - and the old one {badphone} can "
                        "be deleted, it was never mine",
                    },
                ],
            }
        },
    ),
    J(
        "json",
        {
            "person": {
                "given": "{p.first}",
                "family": "{p.last}",
                "born": "{p.dob}",
                "home": {"address_line": "{p.street}", "post_code": "{p.pc_city}"},
                "links": ["{p.url}"],
            }
        },
    ),
    J(
        "json",
        {
            "payment_method": {"type": "card", "number": "{p.card}", "name": "{p.caps}"},
            "billing_email": "{p.email_plain}",
            "test_card_rejected": "{badcard}",
        },
    ),
    J(
        "json",
        {
            "catalogue": [
                {"isbn": "{isbn}", "title": "Field Guide to {city}"},
                {"isbn": "{isbn2}", "title": "{company}: A History"},
            ],
            "updated": "{ts}",
        },
        clean=True,
    ),
]

TEMPLATES += [
    T(
        "email",
        "From: {p.full}\nTo: building management\nSubject: Leak from the flat above\n\nHello,"
        "\n\nFor the third time this month water is coming through my bathroom ceiling at "
        "{p.street}. The tenant upstairs, {q.title}, is away and I can't reach {q.him}. "
        "Could you send a plumber as soon as possible? I'm home after {time}; my mobile is "
        "{p.phone}. Photos are on my shared album: {p.url}\n\nThe last repair was logged "
        "under job {ticket} on {appt}, so this is clearly the same problem. I'd also like to "
        "know who pays for repainting.\n\nThanks,\n{p.first}",
    ),
    T(
        "clinical",
        "Safeguarding note (restricted)\n\nChild's parent/guardian: {p.full}, {p.phone}\n"
        "Address: {p.addr}\nOther adult in household: {q.full}, {q.dob_cue}\n\nSchool nurse "
        "raised concerns on {appt} about missed appointments. Home visit by {a.title} found "
        "the home clean and the child well. No further action; review at next school check.",
    ),
    T(
        "ticket",
        "RETURN TO SENDER - address incomplete\n\n{p.caps}\n{p.addr_caps}\n\nCarrier "
        "{company} notes: no such flat number. Parcel {tracking} is back at the depot; "
        "customer contacted at {p.email}.",
    ),
    T(
        "chat",
        "recruiter: hi {p.firstl}! saw your profile {p.url}\n{p.firstl}: hi, yes still "
        "looking\nrecruiter: great, can you send your cv to {a.email_work}?",
    ),
    T(
        "hr",
        "Secondment agreement: {p.full} (home office {p.city}) to {x.city} office from "
        "{appt}. Host manager {x.full}, {x.phone_intl}. Local address during secondment: "
        "{x.addr}.",
    ),
    T(
        "financial",
        "Joint account application\nApplicant 1: {p.full}, {p.dob_cue}, {p.phone}\nApplicant "
        "2: {q.full}, {q.dob_cue}, {q.phone}\nAddress: {p.addr}\nInitial deposit {amount} "
        "from {p.iban}.",
    ),
    J(
        "json",
        {
            "profile": {"displayName": "{p.fulll}", "website": "{p.url}", "location": "{p.city}"},
            "followers": 1204,
            "created": "{ts}",
        },
    ),
    J(
        "json",
        {
            "alerts": [
                {"type": "login", "ip": "{p.ip}", "user": "{p.email_plain}"},
                {"type": "login", "ip": "{p.ip6}", "user": "{p.email_plain}"},
                {"type": "healthcheck", "version": "{version}"},
            ]
        },
    ),
]

TEMPLATES += [
    T(
        "ticket",
        "Supplier onboarding: {eponym} and {company} both requested access to the vendor "
        "portal ({domain}). Contracts {invoice} and {invoice2} signed {appt}. No personal "
        "contacts recorded yet.",
        clean=True,
    ),
    T(
        "email",
        "Hello,\n\nyour group booking for the visit to {eponym} on {weekday} is confirmed "
        "(reference {order}). Please arrive 20 minutes early; the meeting point is the "
        "information desk.\n\nVisitor Services",
        clean=True,
    ),
]

TEMPLATES += [
    T(
        "chat",
        "{p.firstl}: hey is this still {q.firstl}s number\n{q.firstl}: yep whats up\n"
        "{p.firstl}: can u send me the address for saturday\n{q.firstl}: {q.addr} - ring "
        "twice, the bell is broken",
        lower=True,
    ),
    T(
        "ticket",
        "Complaint received by post from {p.formal}, {p.addr}. Letter dated {appt}, about "
        "the noise from the {company} depot. Reply to be sent by post; no e-mail given.",
    ),
    T(
        "email",
        "Hi {p.first},\n\nreminder: your {product} lease ends on {appt}. To extend, reply to "
        "this message or call {a.first} on {a.phone}. The contract number is {order}.\n\n"
        "Regards,\nLeasing team",
    ),
    T(
        "email",
        "Good afternoon,\n\nplease find below the contact for the site visit:\n\n{p.caps}\n"
        "Site manager\n{p.phone}\n\nThe access road is off {p.street}; parking by the gate.\n\n"
        "{a.first}",
    ),
    T(
        "clinical",
        "Maternity discharge: mother {pfy.full} ({pfy.dob}), baby born {appt} 3.4 kg. Community "
        "midwife {q.title} will visit {pfy.addr} on day 3.",
    ),
    T(
        "clinical",
        "Pharmacy interaction check: patient {p.lastfirst} ({p.natid_name} {p.natid}) "
        "prescribed clarithromycin while on simvastatin - prescriber {a.title} contacted.",
    ),
    T(
        "hr",
        "Flexible working request from {p.full} approved by {q.initial}: compressed hours, "
        "Fridays off from {month}. Employee's home address for equipment delivery: {p.addr}.",
    ),
    T(
        "hr",
        "Pay slip query: {p.firstl} says the {month} payslip shows someone else's tax code. "
        "Payroll batch {invoice}. Checked - printing error only, data correct.",
    ),
    T(
        "financial",
        "Card-not-present fraud: {p.card_brand} {p.card} used at {company} online for "
        "{amount}. Cardholder {p.full} was abroad; delivery address on the order was "
        "{q.addr}. Card cancelled.",
    ),
    T(
        "financial",
        "Pension transfer: member {p.full}, {p.dob_cue}, {p.natid_name} {p.natid}. Transfer "
        "value {amount} to {p.iban}. Adviser {q.full}.",
    ),
    T(
        "log",
        "{ts} INFO smtp: from=<{p.email_plain}> to=<{q.email_plain}> size=48213 status=sent\n"
        "{ts2} INFO smtp: from=<{pkg}> rejected (not a mailbox)",
    ),
    T(
        "ticket",
        "Data import warning: column 'phone' contains {badphone} for 14 rows and 'iban' "
        "contains {badiban} for 2 rows - both fail validation and were skipped. Import "
        "{uuid}.",
        clean=True,
    ),
    J(
        "json",
        {
            "visitor": {
                "name": "{p.full}",
                "company": "{company}",
                "host": "{q.full}",
                "badge": "{sku}",
                "arrived": "{ts}",
            }
        },
    ),
    J(
        "json",
        {
            "type": "address_change",
            "old": {"street": "{q.street}"},
            "new": {"street": "{p.street}", "zip": "{p.pc_city}"},
            "requested_by": "{p.email}",
            "note": "moved in with my partner",
        },
    ),
    J(
        "json",
        {
            "service": "billing",
            "version": "{version}",
            "deps": ["{pkg}"],
            "owner_team": "payments",
            "oncall_doc": "{example}",
        },
        clean=True,
    ),
]
