"""Templates used only for the dev split. See render.py for the slot syntax."""

from __future__ import annotations

from tmpl import J, T

DE = ("DE", "AT", "CH")
FR = ("FR", "BE", "CH")
ES = ("ES", "MX", "AR")
PT = ("PT", "BR")
NL = ("NL", "BE")

TEMPLATES = [
    # ------------------------------------------------------------------ tickets
    T(
        "ticket",
        "Subject: Cannot log in after update to {software}\n\nHello, my name is {p.full} and "
        "since this morning the app keeps rejecting my password. My account e-mail is {p.email}. "
        "I already tried resetting it twice. Order reference {order}. Please call me on {p.phone} "
        "if you need more details.",
    ),
    T(
        "ticket",
        "Customer {p.full} reports that parcel {tracking} was marked as delivered on "
        "{appt} but never arrived at {p.addr}. [[Customer is upset.|Second contact about this.]] "
        "Callback requested: {p.phone}.",
    ),
    T(
        "ticket",
        "[[Refund request|Chargeback]] - card ending {p.card4}\n\nThe customer ({p.lastfirst}) "
        "was charged twice for invoice {invoice} ({amount}). Full card number given on the phone: "
        "{p.card}. Please reverse the duplicate and confirm to {p.email_plain}.",
    ),
    T(
        "ticket",
        "Ticket {ticket} | priority P3\nReporter: {p.initial}\nEnv: {software} build "
        "{winbuild}\nDescription: export to PDF hangs at 87 %. Happens since {version}. Logged in "
        "from {p.ip}. No personal data in the attachment.",
    ),
    T(
        "ticket",
        "Hi team, {p.title} called again about the missing {product}. [[Delivery address|"
        "Shipping address]] on file is {p.addr}, but [[she|they]] moved last month; new address: "
        "{q.addr}. Please update before re-shipping order {order}.",
    ),
    T(
        "ticket",
        "Account merge request\nOld login: {p.email}\nNew login: {p.email_plain}\nName on "
        "both accounts: {p.full}\nReason: changed jobs, lost access to the old mailbox. ID "
        "verified by phone against DOB {p.dob}.",
    ),
    T(
        "ticket",
        "Please unlock the account of {p.full} ({p.user}). [[Locked out after 5 failed "
        "attempts from|Too many attempts from]] {p.ip6}. [[User confirmed it was them.|Looks like "
        "a typo in the password.]]",
    ),
    T(
        "ticket",
        "Warranty claim for {product} bought {appt}. Serial {sku}. Owner: {p.formal}, "
        "{p.addr}. Contact: {p.phone_intl}. Receipt attached as scan_{githash}.pdf.",
    ),
    T(
        "ticket",
        "The invoice {invoice} was sent to the wrong person. It should go to {p.full} "
        "<{p.email_plain}> at {company}, not to {q.full}. Please reissue and void the old one.",
    ),
    T(
        "ticket",
        "Installer fails with error 0x80070643 on {software} {winbuild}. Tried the "
        "offline package {build} as well. Reporter {p.first} says it worked on {version}. Remote "
        "session can be booked via {p.url}.",
    ),
    T(
        "ticket",
        "Change of bank details for payouts\nAccount holder: {p.full}\nNew IBAN: {p.iban}"
        "\nOld IBAN (closed): {q.iban}\nRequested by phone from {p.phone}; callback verification "
        "done by {a.first}.",
    ),
    T(
        "ticket",
        "Bug: the sign-up form accepts {placeholder_email} as a real address and the "
        "confirmation link points to {example}. Found while testing {version}; no customer data "
        "involved.",
        clean=True,
    ),
    T(
        "ticket",
        "Driver from {company} could not find {p.street}. Recipient {p.full} says the "
        "entrance is in the courtyard; code for the gate was left in the notes. Tracking {ups}.",
    ),
    T(
        "ticket",
        "KYC check failed for {p.full}: name on {p.natid_name} ({p.natid}) does not match "
        "the card holder name. Asked the customer to upload a utility bill showing {p.addr}.",
    ),
    T(
        "ticket",
        "Our printer at the {city} office shows firmware {version}; the vendor asks us to "
        "upgrade to {build} before {weekday}. Ticket {ticket}, no user impact so far.",
        clean=True,
    ),
    T(
        "ticket",
        "Duplicate account? {p.caps} (DOB {p.dob}) and {p.full} with phone {p.phone} "
        "look like the same person. Please check before we merge.",
    ),
    T(
        "ticket",
        "Replacement {product} for {p.title}. Ship to:\n{p.addr_caps}\nPhone for the "
        "courier: {p.phone}\nRMA {ticket}.",
    ),
    T(
        "ticket",
        "SIM swap request - caller said [[she|he]] is {p.full}, born {p.dob}, and asked "
        "to move number {p.phone} to a new eSIM. Could not verify the security word; request "
        "declined, case {ticket}.",
    ),
    # ------------------------------------------------------------------ chat
    T(
        "chat",
        "[{time}] customer: hi its {p.firstl} again, ask {q.firstl} about the refund pls\n"
        "[{time}] agent: Hi {p.first}! I can see order {order}. One moment.\n[{time}] customer: ok "
        "thx, my number is {p.phone} if its easier",
        lower=False,
    ),
    T(
        "chat",
        "hey so i moved, new address is {p.addr} can u update it before the next delivery "
        "thx {p.firstl}",
        lower=True,
    ),
    T(
        "chat",
        "user: my email is {p.email_obf} (dont want bots to see it lol)\nbot: Thanks! I've "
        "sent a verification code.\nuser: got it 482913",
    ),
    T(
        "chat",
        "{a.first}: Welcome to {company} chat, how can I help?\nVisitor: Hi, I'm {p.full}, "
        "I ordered a {product} on {appt} and got the wrong colour.\n{a.first}: Sorry about that! "
        "Can you confirm the postcode on the order?\nVisitor: {p.pc_city}",
    ),
    T(
        "chat",
        "talk to {p.fulll} in accounts she knows about teh invoice {invoice} i think. "
        "or ask for {q.firstl}",
        lower=True,
    ),
    T(
        "chat",
        "Agent: Can I have the cardholder's date of birth?\nCaller: It's {p.dob_en}.\n"
        "Agent: And the last four digits?\nCaller: {p.card4}.\nAgent: Thank you, {p.title}.",
    ),
    T(
        "chat",
        "lol the tracking says {dhl} but the driver left it at number {nn} instead. "
        "anyway pls send to my work address {p.addr} - {p.firstl}",
        lower=True,
    ),
    T(
        "chat",
        "customer: I was born {p.dob} if you need that\nagent: thanks, and the "
        "{p.natid_name}?\ncustomer: {p.natid}",
    ),
    T(
        "chat",
        "[{time}] {p.firstl}: is the {product} back in stock\n[{time}] bot: The {product} is "
        "available from {weekday}.\n[{time}] {p.firstl}: ok ping me at {p.email}",
        lower=False,
    ),
    T(
        "chat",
        "hi im writing for my mum {q.full}, she cant use the app. her phone is {q.phone} "
        "and she lives at {q.addr}. im {p.firstl} btw",
        lower=True,
    ),
    T(
        "chat",
        "helo? i recieved someone elses parcel, name on it is {q.full} from {q.street}. "
        "what do i do with it",
        lower=True,
    ),
    T(
        "chat",
        "Support bot: Please describe your issue.\nUser: app crashes on {software}, version "
        "{version}, device {product}\nSupport bot: Thanks, ticket {ticket} created.\nUser: cool",
        clean=True,
    ),
    T(
        "chat",
        "ok so {p.firstl} said the wifi router at {p.street} keeps dropping, public ip is "
        "{p.ip}. can someone from {company} come {weekday}",
        lower=True,
    ),
    T(
        "chat",
        "Guest: Bonjour, je m'appelle {p.full}, j'ai une question sur ma commande {order}.\n"
        "Agent: Bonjour {p.title}, je regarde ça.\nGuest: Merci, mon numéro est le {p.phone}.",
        countries=FR,
    ),
    T(
        "chat",
        "Kunde: Hallo, ich heiße {p.full} und warte seit {weekday} auf mein Paket {dhl}.\n"
        "Agent: Guten Tag {p.title}, ich prüfe das.\nKunde: Meine Adresse ist {p.addr}.",
        countries=DE,
    ),
    T(
        "chat",
        "Cliente: Buenas, me llamo {p.full}. Mi pedido {order} no ha llegado.\nAgente: "
        "Hola {p.first}, ¿me confirma la dirección?\nCliente: {p.addr}",
        countries=ES,
    ),
    T(
        "chat",
        "Cliente: Ciao, mi chiamo {p.full}, il codice fiscale è {p.natid}.\nOperatore: "
        "Grazie {p.title}, verifico subito.",
        countries=("IT",),
    ),
    T(
        "chat",
        "klient: dzień dobry, tu {p.full}, dzwonię w sprawie faktury {invoice}\n"
        "konsultant: Dzień dobry {p.title}, proszę podać PESEL\nklient: {p.natid}",
        countries=("PL",),
    ),
    T(
        "chat",
        "müşteri: merhaba, benim adım {p.full}. siparişim {order} hala gelmedi\ntemsilci: "
        "Merhaba {p.title}, adresinizi teyit eder misiniz?\nmüşteri: {p.addr}",
        countries=("TR",),
    ),
    T(
        "chat",
        "cliente: oi, meu nome é {p.full}, meu CPF é {p.natid}\natendente: Obrigado, "
        "{p.first}! Qual o CEP?\ncliente: {p.pc_city}",
        countries=("BR",),
    ),
    # ------------------------------------------------------------------ e-mail
    T(
        "email",
        "Hi {p.first},\n\nThanks for the call earlier. As discussed, I've attached the "
        "revised quote for the {product} rollout; totals are unchanged at {amount}. Let me know if "
        "{weekday} works for the demo.\n\nKind regards,\n{q.full}\n{company}\n{q.phone}",
    ),
    T(
        "email",
        "Dear [[Mrs.|Ms.|Mr.|Dr.]] {p.last},\n\nWe have received your application "
        "(reference {ticket}). Please send a certified copy of your ID to {a.email_work} by "
        "{appt}.\n\nYours sincerely,\n{a.full}\nHead of Admissions",
    ),
    T(
        "email",
        "From: {p.full} <{p.email_plain}>\nTo: support\nSubject: Re: order {order}\n\n"
        "Still nothing. I've been at home at {p.street} all week. Please just refund it.\n\n"
        "{p.first}",
    ),
    T(
        "email",
        "Hello,\n\nplease note my new contact details:\n{p.full}\n{p.addr}\nMobile: "
        "{p.phone}\nE-mail: {p.email}\n\nBest,\n{p.first}",
    ),
    T(
        "email",
        "Hi all,\n\nquick reminder that the office in {city} will be closed on {weekday} "
        "for maintenance. VPN gateway is being upgraded to {build}. If you see certificate "
        "warnings, check the guide on the intranet (not {example}).\n\nIT Service Desk",
        clean=True,
    ),
    T(
        "email",
        "Dear Sir or Madam,\n\nI am writing to complain about invoice {invoice}. I was "
        "charged {amount} although I cancelled on {appt}. My customer number is {order}.\n\n"
        "Sincerely,\n{p.formal}\n{p.addr_nl}",
    ),
    T(
        "email",
        "Hi {p.first},\n\ncc {q.full} - can you two sort out the handover for {company}? "
        "{q.first} has the keys and the alarm code.\n\nCheers,\n{a.first}",
    ),
    T(
        "email",
        "Guten Tag {p.title},\n\nanbei erhalten Sie die Rechnung {invoice} über {amount}. "
        "Bitte überweisen Sie den Betrag bis {appt}.\n\nMit freundlichen Grüßen\n{a.full}\n"
        "{company}\nTel. {a.phone}",
        countries=DE,
    ),
    T(
        "email",
        "Bonjour {p.first},\n\nje te transmets les coordonnées de {q.full} : {q.phone}, "
        "{q.email}. Elle attend ton appel avant {weekday}.\n\nBien à toi,\n{a.first}",
        countries=FR,
    ),
    T(
        "email",
        "Estimado/a {p.title}:\n\nLe confirmamos la cita para el {appt} a las {time}. Si no "
        "puede asistir, llame al {a.phone}.\n\nAtentamente,\n{a.full}",
        countries=ES,
    ),
    T(
        "email",
        "Kind regards,\n{p.full}\nHead of Ops\n{company} | {p.phone_intl} | "
        "{p.email_work}\n\n-----Original message-----\nFrom: {q.full}\nSent: {ts}\nSubject: "
        "shipment {ups}\n\nAny news on the pallets?",
    ),
    T(
        "email",
        "Dear {p.full},\n\nyour parcel {tracking} is ready for collection at the {company} "
        "pick-up point in {p.city}. Bring a photo ID; the parcel will be held until {appt}.\n\n"
        "This is an automated message.",
    ),
    T(
        "email",
        "Hello {p.first} and {q.first},\n\nattached are the minutes from {weekday}'s "
        "steering meeting. Action items: {p.first} to chase {company} about the {amount} credit "
        "note, {q.first} to book the room in {city}.\n\nThanks,\n{a.initial}",
    ),
    T(
        "email",
        "Hej {p.first},\n\ntack för senast! Här är adressen till festen: {q.addr}. Ring "
        "{q.first} på {q.phone} om du inte hittar.\n\nHälsningar,\n{a.first}",
        countries=("SE",),
    ),
    T(
        "email",
        "Subject: Newsletter - {month} release notes\n\n{product} firmware {version} is "
        "out. Highlights: faster pairing, fixes for {software}. Full changelog at {domain}. "
        "Questions? Reply to this e-mail or visit {example}.",
        clean=True,
    ),
    # ------------------------------------------------------------------ clinical
    T(
        "clinical",
        "Patient: {p.full}, {p.dob_cue}. Presented with a 3-day history of fever and "
        "productive cough. Lives alone at {p.addr}. Emergency contact: {q.full} ({q.phone}). "
        "Plan: chest X-ray, review on {appt}.",
    ),
    T(
        "clinical",
        "{p.caps} - {p.natid_name} {p.natid}\nReferred by Dr. {a.last} for "
        "suspected carpal tunnel syndrome. Nerve conduction study booked for {appt}.",
    ),
    T(
        "clinical",
        "Discharge summary\nName: {p.lastfirst}\nDOB: {p.dob}\nAdmitted: {appt}\n"
        "Diagnosis: community-acquired pneumonia. Antibiotics completed. GP to follow up. Patient "
        "prefers contact by e-mail: {p.email}.",
    ),
    T(
        "clinical",
        "Seen by {a.title} today. {p.first} reports improved sleep since starting "
        "melatonin. Weight stable. Mother ({q.full}) present during consultation. Next visit in "
        "{n} weeks.",
    ),
    T(
        "clinical",
        "Ward round note {ts}: pt {p.initial}, bed {nn}, post-op day 2 after laparoscopic "
        "cholecystectomy. Afebrile. Mobilising. Son {q.firstl} will collect. Home address "
        "confirmed: {p.street}.",
    ),
    T(
        "clinical",
        "Lab request - HbA1c, lipid panel, TSH.\nPatient {p.full}, {p.dob_cue}, "
        "{p.natid_name}: {p.natid}. Fasting sample. Results to Dr. {a.last}.",
    ),
    T(
        "clinical",
        "Pharmacy note: repeat prescription for metformin 500 mg collected on {appt} "
        "by {p.full}'s daughter. Contact number updated to {p.phone}.",
    ),
    T(
        "clinical",
        "Triage: 34-year-old presenting with migraine, no focal signs. Given "
        "paracetamol and metoclopramide. No personal details recorded at triage; registration "
        "pending. Room {nn}, monitor firmware {version}.",
        clean=True,
    ),
    T(
        "clinical",
        "Vaccination record: {p.full} ({p.dob}) received the second dose of the "
        "hepatitis B series on {appt}. Batch {sku}. Next dose due in 6 months.",
    ),
    T(
        "clinical",
        "Telemedicine consult. Patient joined from {p.ip}, audio only. {p.title} "
        "describes lower back pain after lifting boxes on {weekday}. Advised physiotherapy; "
        "referral sent to {company}.",
    ),
    T(
        "clinical",
        "Anamnese: {p.full}, geb. {p.dob}, wohnhaft {p.addr}. Seit {n} Tagen "
        "Oberbauchschmerzen. Hausarzt: Dr. {a.last}.",
        countries=DE,
    ),
    # ------------------------------------------------------------------ HR
    T(
        "hr",
        "New starter: {p.full}\nStart date: {appt}\nDepartment: Logistics\nPersonal e-mail: "
        "{p.email}\nMobile: {p.phone}\nHome address: {p.addr}\nBank: {p.iban}",
    ),
    T(
        "hr",
        "Performance review notes - {p.lastfirst}. {p.first} exceeded targets for Q3 and "
        "mentored two juniors. Manager {a.full} recommends promotion. Salary band to be confirmed "
        "by {q.initial}.",
    ),
    T(
        "hr",
        "Sick leave: {p.full} called in on {weekday}, expected back {appt}. Doctor's note "
        "to follow. Cover arranged with {q.first}.",
    ),
    T(
        "hr",
        "Exit interview with {p.title} ({p.first}). Reason for leaving: relocation to "
        "{q.city}. Forwarding address: {p.addr}. Return laptop serial {sku} before {appt}.",
    ),
    T(
        "hr",
        "Payroll correction for {p.full}, employee no. {order}: overtime for {month} was "
        "paid to the old account {q.iban} instead of {p.iban}. Please reissue {amount}.",
    ),
    T(
        "hr",
        "Background check consent received from {p.full}, {p.dob_cue}, {p.natid_name} "
        "{p.natid}. Previous employer: {company}.",
    ),
    T(
        "hr",
        "Reminder: all staff must complete the {software} security training by {appt}. "
        "Questions go to the HR mailbox, not to individual managers. Training ID {ticket}.",
        clean=True,
    ),
    T(
        "hr",
        "Interview panel for the {company} data analyst role: {p.full}, {q.full} and "
        "{r.initial}. Candidate {s.full} ({s.email}) confirmed for {weekday} {time}.",
    ),
    T(
        "hr",
        "Grievance logged by {p.full} against team lead {q.title}. Meeting held {appt}; "
        "{p.first} was accompanied by union rep {r.full}. Outcome pending.",
    ),
    T(
        "hr",
        "Visa sponsorship: {p.formal}, nationality {p.country}, passport holder, current "
        "address {p.addr}. Contact {p.email} / {p.phone_intl}.",
    ),
    T(
        "hr",
        "Emergency contact form\nEmployee: {p.full}\nContact: {q.full} (spouse)\nPhone: "
        "{q.phone}\nAlternative: {r.full}, {r.phone}",
    ),
    # ------------------------------------------------------------------ financial / KYC
    T(
        "financial",
        "KYC review: {p.formal}, {p.dob_cue}, residing at {p.addr}. Source of funds: "
        "salary from {company}. ID document: {p.natid_name} {p.natid}. Risk: low.",
    ),
    T(
        "financial",
        "Wire instruction received from {p.email_plain}: pay {amount} to {q.full}, "
        "IBAN {q.iban}, reference {invoice}. Flagged - sender address differs from the one on "
        "file.",
    ),
    T(
        "financial",
        "Card dispute: holder {p.full}, {p.card_brand} {p.card}, transaction on "
        "{appt} for {amount} at {company}. Customer says card was in [[her|his]] wallet at the "
        "time.",
    ),
    T(
        "financial",
        "Reconciliation {month}: 3 unmatched items. Ref {invoice} ({amount}), "
        "IBAN-like string {badiban} from the bank export is malformed, card token {badcard} "
        "rejected by the processor. No customer names in the export.",
        clean=True,
    ),
    T(
        "financial",
        "Loan application {ticket}\nApplicant: {p.full}\nCo-applicant: {q.full}\n"
        "Address: {p.addr}\nMonthly income: {amount}\nEmployer: {company}",
    ),
    T(
        "financial",
        "SAR draft: subject {p.caps}, {p.dob_cue}, made 14 cash deposits below the "
        "threshold at branches in {city} between {appt} and {appt2}. Linked account {p.iban}; "
        "associate {q.full}.",
    ),
    T(
        "financial",
        "Direct debit mandate signed by {p.full} for account {p.iban}. Collection "
        "day: {n}th of each month. Creditor {company}.",
    ),
    T(
        "financial",
        "PEP screening hit on {p.full} - false positive: the listed person has a "
        "different date of birth. Our customer: {p.dob}. Checked by {a.initial} on {appt}.",
    ),
    T(
        "financial",
        "Beneficial owner declaration\n{p.formal} - 60 %\n{q.formal} - 40 %\n"
        "Registered office: {company}, {city}. Both owners' IDs on file.",
    ),
    T(
        "financial",
        "Overdraft call with {p.title} on {appt}: agreed repayment plan of {amount} "
        "per month from account {p.iban}. Follow-up call booked on {p.phone}.",
    ),
    # ------------------------------------------------------------------ logs
    T(
        "log",
        "{ts} WARN auth: 5 failed logins for user {p.email_plain} from {p.ip} "
        "(agent=Mozilla/5.0, app {version})",
    ),
    T("log", "{ts} INFO api: GET /v2/orders/{order} 200 34ms client={p.ip6} build={build}"),
    T(
        "log",
        "{ts} ERROR payment: card {p.card} declined (do_not_honor) for customer "
        "{p.full}; retry scheduled. trace={uuid}",
    ),
    T(
        "log",
        "{ts} INFO deploy: release {version} ({githash}) rolled out to eu-west; schema "
        "{oid}; health check OK. ticket={ticket}",
        clean=True,
    ),
    T(
        "log",
        '{ts} DEBUG mailer: queued welcome mail to {p.email} (name="{p.full}", locale={p.country})',
    ),
    T(
        "log",
        "{ts} WARN geo: login for account {p.user} from new country; ip={p.ip}; previous "
        "ip={p.ip6}",
    ),
    # ------------------------------------------------------------------ JSON
    J(
        "json",
        {
            "customer": {
                "name": "{p.full}",
                "email": "{p.email_plain}",
                "address": {"street": "{p.street}", "postcode": "{p.pc_city}"},
            },
            "order": "{order}",
            "items": [{"sku": "{sku}", "qty": 1}],
            "messages": ["Please leave the parcel with the neighbour", "Thanks!"],
        },
    ),
    J(
        "json",
        {
            "full_name": "{p.full}",
            "dob": "{p.dob}",
            "phone": "{p.phone}",
            "consent": True,
            "source": "web-form",
        },
    ),
    J(
        "json",
        {
            "event": "payment.failed",
            "id": "{uuid}",
            "created": "{ts}",
            "data": {
                "card": "{p.card}",
                "holder": "{p.caps}",
                "amount": "{amount}",
                "ip": "{p.ip}",
            },
        },
    ),
    J(
        "json",
        {
            "ticket": "{ticket}",
            "subject": "Change of address",
            "body": "Hi, this is {p.full}. Please update my address to {p.addr}. "
            "Old one was {p.city}.",
            "tags": ["address", "profile"],
        },
    ),
    J(
        "json",
        {
            "employee": {
                "first_name": "{p.first}",
                "last_name": "{p.last}",
                "national_id": "{p.natid}",
                "iban": "{p.iban}",
            },
            "manager": "{a.full}",
            "updated_by": "{a.user}",
        },
    ),
    J(
        "json",
        {
            "release": "{version}",
            "commit": "{githash}",
            "artifacts": ["{sku}", "{sku2}"],
            "docs": "{domain}",
            "notes": "No breaking changes. Tested on {software}.",
        },
        clean=True,
    ),
    J(
        "json",
        [
            {"role": "user", "content": "my name is {p.firstl} and i cant find my order {order}"},
            {
                "role": "assistant",
                "content": "Sorry to hear that! Could you share the e-mail used for the order?",
            },
            {"role": "user", "content": "{p.email_obf}"},
        ],
    ),
    J(
        "json",
        {
            "patient": {
                "id": "{ticket}",
                "name": "{p.lastfirst}",
                "birthDate": "{p.dob}",
                "contact": [
                    {"system": "phone", "value": "{p.phone}"},
                    {"system": "email", "value": "{p.email_plain}"},
                ],
            },
            "encounter": {"date": "{appt}", "practitioner": "Dr. {a.last}"},
        },
    ),
    J(
        "json",
        {
            "shipment": {
                "tracking": "{tracking}",
                "weight_kg": 2.4,
                "recipient": "{p.full}",
                "to": "{p.addr}",
            },
            "sender": {"company": "{company}", "domain": "{domain}"},
        },
    ),
    J(
        "json",
        {
            "kyc": {
                "applicant": "{p.formal}",
                "document": "{p.natid_name}",
                "document_number": "{p.natid}",
                "date_of_birth": "{p.dob}",
                "checks": ["pep", "sanctions"],
                "result": "clear",
            }
        },
    ),
    J(
        "json",
        {
            "session": "{uuid}",
            "user_agent": "Mozilla/5.0 (Windows NT {winbuild})",
            "client_ip": "{p.ip}",
            "login": "{p.email_plain}",
        },
    ),
    J(
        "json",
        {
            "contacts": [
                {"name": "{p.full}", "tel": "{p.phone}"},
                {"name": "{q.full}", "tel": "{q.phone}"},
            ],
            "owner": "{r.email}",
        },
    ),
    J(
        "json",
        {
            "inventory": [
                {"sku": "{sku}", "name": "{product}", "warehouse": "{city}"},
                {"sku": "{sku2}", "name": "{product2}", "warehouse": "{city2}"},
            ],
            "generated": "{ts}",
        },
        clean=True,
    ),
    # ------------------------------------------------------------------ mixed-country
    T(
        "email",
        "Hi {p.first},\n\nplease meet {x.full}, our new partner in {x.country}. "
        "{x.first} will coordinate the pilot; reach [[her|him]] at {x.email_plain} or "
        "{x.phone_intl}.\n\nBest,\n{a.full}",
    ),
    T(
        "ticket",
        "Cross-border transfer held: sender {p.full} ({p.iban}) -> beneficiary "
        "{x.full} ({x.iban}). Compliance asks for the purpose of payment. Ref {invoice}.",
    ),
    T(
        "chat",
        "{p.firstl}: do u have {x.firstl}'s number? the one from the conference\n"
        "{q.firstl}: yeah its {x.phone_intl}\n{p.firstl}: thx",
        lower=True,
    ),
]
