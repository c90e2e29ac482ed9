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
        "Shipping address]] on file is {p.addr}, but {p.he} moved last month; new address: "
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
        "SIM swap request - caller said {p.he} is {p.full}, born {p.dob}, and asked "
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
        "talk to {p.fulll} in accounts {p.he} knows about teh invoice {invoice} i think. "
        "or ask for {q.firstl}, {q.he} was on the call with {company} last week",
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
        "agent: To reset the PIN I need to verify a couple of things.\ncustomer: I was born "
        "{p.dob} if you need that\nagent: thanks, and the {p.natid_name}?\ncustomer: {p.natid}\n"
        "agent: Perfect, a new PIN letter goes out today.",
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
        "what do i do with it. my own order {order} still hasnt come and ive been waiting "
        "since {weekday}",
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
        "Kunde: Hallo, ich heiße {p.full} und warte seit "
        "[[Montag|Dienstag|Mittwoch|Donnerstag|Freitag]] auf mein Paket {dhl}.\n"
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
        "Dear {p.title},\n\nWe have received your application "
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
        "{q.email}. {q.first} attend ton appel avant "
        "[[lundi|mardi|mercredi|jeudi|vendredi]].\n\nBien à toi,\n{a.first}",
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
        "melatonin. Weight stable. Mother ({qf.full}) present during consultation. Next visit in "
        "{n} weeks.",
    ),
    T(
        "clinical",
        "Ward round note {ts}: pt {p.initial}, bed {nn}, post-op day 2 after laparoscopic "
        "cholecystectomy. Afebrile. Mobilising. Son {qm.firstl} will collect. Home address "
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
        "{appt} for {amount} at {company}. Customer says card was in {p.his} wallet at the "
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
        "(agent=Mozilla/5.0, app {version})\n{ts2} INFO auth: account locked for 15 min, "
        "notification sent",
    ),
    T(
        "log",
        "{ts} INFO api: GET /v2/orders/{order} 200 34ms client={p.ip6} build={build}\n{ts2} "
        "INFO api: POST /v2/orders/{order}/notes 201 51ms client={p.ip6}",
    ),
    T(
        "log",
        "{ts} ERROR payment: card {p.card} declined (do_not_honor) for customer "
        "{p.full}; retry scheduled. trace={uuid}\n{ts2} INFO payment: retry 1/3 queued, "
        "amount={amount}",
    ),
    T(
        "log",
        "{ts} INFO deploy: release {version} ({githash}) rolled out to eu-west; schema "
        "{oid}; health check OK. ticket={ticket}\n{ts2} INFO deploy: canary at 10 %, error "
        "rate 0.02 %",
        clean=True,
    ),
    T(
        "log",
        "{ts} DEBUG mailer: queued welcome mail to {p.email_plain} "
        '(name="{p.full}", locale={p.country})\n{ts2} DEBUG mailer: delivered, smtp 250 2.0.0 OK',
    ),
    T(
        "log",
        "{ts} WARN geo: login for account {p.user} from new country; ip={p.ip}; previous "
        "ip={p.ip6}\n{ts2} INFO geo: step-up verification sent by SMS",
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
        "{x.first} will coordinate the pilot; reach {x.him} at {x.email_plain} or "
        "{x.phone_intl}.\n\nBest,\n{a.full}",
    ),
    T(
        "ticket",
        "Cross-border transfer held: sender {p.full} ({p.iban}) -> beneficiary "
        "{x.full} ({x.iban}). Compliance asks for the purpose of payment. Ref {invoice}.",
    ),
    T(
        "chat",
        "{p.firstl}: do u have {x.firstl}'s number? the one from the conference in {city}\n"
        "{q.firstl}: yeah its {x.phone_intl}, {x.he} said whatsapp is better\n{p.firstl}: "
        "thx will msg after lunch",
        lower=True,
    ),
]

DE_ONLY = ("DE", "AT", "CH")

TEMPLATES += [
    # ------------------------------------------------------------------ longer tickets
    T(
        "ticket",
        "Ticket {ticket} - Repeated delivery failures\n\nSummary\nThe customer, {p.full}, has "
        "contacted us four times about order {order}. Each time the courier ({company}) marked "
        "the parcel as 'recipient not available', although {p.he} works from home.\n\n"
        "Timeline\n- {appt}: first attempt, card left at {p.street}\n- {appt2}: second attempt, "
        "driver phoned {p.phone} but the number was 'busy'\n- {appt3}: parcel returned to the "
        "depot in {p.city}\n\nCustomer request\nRe-deliver to the same address ({p.addr}) on a "
        "{weekday}, or let {p.him} collect it. {p.he_c} also asked us to use the e-mail "
        "{p.email} rather than SMS.\n\nInternal notes\nDepot scanner firmware is {version}; the "
        "'busy' status appears to be a scanner bug rather than a real call attempt. Tracking "
        "{tracking}.",
    ),
    T(
        "ticket",
        "Hello,\n\nI'm contacting you on behalf of my father, {qm.formal}, who is in hospital at "
        "the moment. His direct debit for the {product} subscription (account {qm.iban}) should "
        "be paused until he's home. I have power of attorney; my name is {p.full} and you can "
        "reach me on {p.phone}. His customer number is {order}.\n\nThank you,\n{p.first}",
    ),
    T(
        "ticket",
        "My name is {p.full} and I'd like to know what personal data you hold about me "
        "(subject access request). For identification: date of birth {p.dob}, address "
        "{p.addr}, e-mail {p.email_plain}. Please reply within the legal deadline.",
    ),
    T(
        "ticket",
        "ask for {p.first} at the front desk - {p.he} has the spare key for unit "
        "{nn}. The alarm company ({company}) needs the code before {weekday}; vendor ticket "
        "{ticket}.",
    ),
    T(
        "ticket",
        "Subject: Wrong name on certificate\n\nDear support,\nthe certificate for course "
        '{sku} says "{q.full}" but my name is {p.full} (spelled exactly like that, with the '
        "accents). The order was paid with card {p.card}. Could you reissue it?\n\nThanks,\n"
        "{p.initial}",
    ),
    T(
        "ticket",
        "Laptop handover checklist\nAsset {sku} / hostname WS-{nn}\nPrevious user: {p.initial}"
        "\nNew user: {q.full}\nOS: {software} {winbuild}\nBIOS {build}\nLast VPN IP: {p.ip}\n"
        "Wiped and re-imaged on {appt}.",
    ),
    T(
        "ticket",
        'App review reply needed. Reviewer "{p.firstl}_{nn}" writes: "crashes every time i '
        'open the map, iphone, {version}". No account found with that handle; please reply '
        "publicly with the standard text and link to {domain}.",
    ),
    T(
        "ticket",
        "Fraud report from {p.title}: someone ordered a {product} in {p.his} name and had it "
        "delivered to {q.addr}, an address {p.he} does not know. Real address: {p.addr}. "
        "Order {order}, paid with {p.card_brand} card {p.card}.",
    ),
    T(
        "ticket",
        'Customer writes (translated): "I am {p.formal}, I have been your client since 2015. '
        "The bill for {month} is twice the usual amount ({amount}). My meter number is {sku}. "
        'Please call me on {p.phone_intl}, I speak English."',
    ),
    T(
        "ticket",
        "Release blocker {ticket}: checksum mismatch on the installer for {software}. Expected "
        "{githash}, got {githash2}. Affected builds {build} and {build2}; {version} is fine. "
        "The mirror at {domain} still serves the old file.",
        clean=True,
    ),
    T(
        "ticket",
        "Warehouse {city}: pallet labels printed with SSCC {badid} are unreadable by the "
        "scanner. Carrier {company} refuses pallets without a readable label. Reprint batch "
        "{invoice} before {weekday} {time}.",
        clean=True,
    ),
    # ------------------------------------------------------------------ more chat
    T(
        "chat",
        "hi there my name is {p.firstl} {p.last}, i bought the {product} last {weekday} and "
        "the charger is missing. order {order}. can u send one to {p.addr}",
        lower=True,
    ),
    T(
        "chat",
        "[{time}] bot: What's your name?\n[{time}] user: {p.fulll}\n[{time}] bot: Thanks "
        "{p.firstl}! And your e-mail?\n[{time}] user: {p.email_obf}\n[{time}] bot: Got it. An "
        "agent will reply within 24 hours.",
    ),
    T(
        "chat",
        "yo its {p.firstl}. cant log in again. tried from home ({p.ip}) and from the office. "
        "{q.firstl} from your team said to msg here",
        lower=True,
    ),
    T(
        "chat",
        "Customer: Can I change the card on my subscription?\nAgent: Sure, please don't type "
        "the full number here.\nCustomer: oops too late {p.card}\nAgent: No worries, I've "
        "masked it. I'll send a secure link to the e-mail on file instead.",
    ),
    T(
        "chat",
        "agent: thanks for waiting. who am i speaking with?\ncustomer: its {p.title}, "
        "{p.first} {p.last}\nagent: thanks. what's the postcode on the account?\ncustomer: "
        "{p.pc_city}\nagent: and the first line of the address?\ncustomer: {p.street}",
    ),
    T(
        "chat",
        "ok i asked {p.firstl} and {q.firstl} and neither of them got the email about the "
        "{month} payroll. can hr resend?? also my new bank acct is {r.iban} from next month "
        "thx - {r.firstl}",
        lower=True,
    ),
    T(
        "chat",
        "Hallo, ich heiße {p.first} und mein Router zeigt seit "
        "[[Montag|Dienstag|Mittwoch|gestern]] nur noch rotes "
        "Licht. Kundennummer {order}, Anschluss in {p.street}. Rückruf gern unter {p.phone}.",
        countries=DE_ONLY,
    ),
    T(
        "chat",
        "Hej! Jag heter {p.full}. Min order {order} har inte kommit. Adressen är {p.addr}. Ni "
        "kan nå mig på {p.phone}.",
        countries=("SE",),
    ),
    T(
        "chat",
        "Hei, mitt navn er {p.full}, og jeg har fått feil faktura ({invoice}). Kontonummer "
        "står riktig, men navnet er feil. Telefon {p.phone}.",
        countries=("NO",),
    ),
    T(
        "chat",
        "Dobrý den, jmenuji se {p.full}, narozen(a) {p.dob}. Potřebuji změnit adresu na "
        "{p.addr}. Děkuji.",
        countries=("CZ",),
    ),
    T(
        "chat",
        "Hoi, mijn naam is {p.full}. Ik ben verhuisd naar {p.addr}. Kunnen jullie dat "
        "aanpassen? Mijn klantnummer is {order}. Groetjes, {p.first}",
        countries=("NL", "BE"),
    ),
    T(
        "chat",
        "Olá, o meu nome é {p.full}. A minha encomenda {order} foi entregue na morada "
        "errada. A morada certa é {p.addr}. Telemóvel: {p.phone}.",
        countries=("PT",),
    ),
    T(
        "chat",
        "Dzień dobry, nazywam się {p.full}. Proszę o zmianę adresu dostawy na {p.addr}. Mój "
        "numer telefonu to {p.phone}. Pozdrawiam",
        countries=("PL",),
    ),
    T(
        "chat",
        "user: anyone know why the {software} update {version} keeps failing on {product}?\n"
        "user2: same here, rollback to {version2} fixed it\nuser: thx, will try after the "
        "{weekday} standup",
        clean=True,
    ),
    T(
        "chat",
        "customer: the code on the receipt is {badcard}, is that my card number?\nagent: No - "
        "that's the transaction reference, not a card. Your card isn't shown on receipts.\n"
        "customer: ah ok",
        clean=True,
    ),
    # ------------------------------------------------------------------ more e-mail
    T(
        "email",
        "Hi {p.first},\n\nGreat to meet you at the {city} meetup! As promised, here's my "
        "calendar link: {q.url} - grab any slot next week. If that doesn't work, just call me "
        "on {q.phone}.\n\nAll the best,\n{q.full}\n{company}",
    ),
    T(
        "email",
        "Dear Mrs. {pf.last},\n\nThank you for your enquiry about the apartment. Viewings are "
        "possible on {weekday} between {time} and {time2}. The address is {q.addr}; please ring "
        'the bell marked "{q.last}".\n\nBest regards,\n{a.full}\nLettings Manager',
    ),
    T(
        "email",
        "Hello {p.first},\n\nI've cc'd {q.full} from legal, who will need your signed NDA "
        "before we can share the {product} roadmap. You can send it to {q.email_work}.\n\n"
        "Thanks,\n{a.full}\n\nSent from my phone",
    ),
    T(
        "email",
        "Subject: Your {company} account\n\nHi {p.first},\n\nsomeone (hopefully you) asked to "
        "reset the password for {p.email_plain}. If it was you, use this link within 30 "
        "minutes: {p.url}\n\nIf not, you can ignore this e-mail. Requests came from {p.ip}.\n\n"
        "{company} Security",
    ),
    T(
        "email",
        "Dear colleagues,\n\nI'm pleased to announce that {p.full} joins the team as Head of "
        "Data on {appt}. {p.first} previously spent eight years at {company}. Please make "
        "{p.him} welcome!\n\n{a.full}\nCEO",
    ),
    T(
        "email",
        "Hi {p.first},\n\nthe contractor's bank details for the final invoice ({invoice}, "
        "{amount}):\n\nAccount holder: {q.full}\nIBAN: {q.iban}\n\nNote: the IBAN on the PDF "
        "({badiban}) has a typo, please use the one above.\n\nThanks,\n{a.first}",
    ),
    T(
        "email",
        "{p.first} -\n\nquick one: can you ask {q.first} whether the {product} demo units "
        "arrived? Tracking shows {tracking} delivered {appt}.\n\n- {a.first}",
    ),
    T(
        "email",
        "Ciao {p.first},\n\nti giro il numero di {q.full}: {q.phone}. Abita in {q.addr}, se "
        "vuoi passare a ritirare i documenti.\n\nUn saluto,\n{a.first}",
        countries=("IT",),
    ),
    T(
        "email",
        "Szanowna Pani / Szanowny Panie,\n\nw załączeniu przesyłam fakturę {invoice}. Dane do "
        "przelewu: {p.full}, {p.iban}. Adres: {p.addr}.\n\nZ poważaniem\n{p.full}",
        countries=("PL",),
    ),
    T(
        "email",
        "Subject: Fwd: Fwd: conference hotel\n\n---------- Forwarded message ---------\nFrom: "
        "{q.full} <{q.email_plain}>\nDate: {ts}\n\nBooking for {p.full}, {n} nights from "
        "{appt}. Guest mobile {p.phone_intl}. Confirmation {order}.\n\n----------\n\n{a.first}: "
        "can you check the dates? thx",
    ),
    T(
        "email",
        "Dear customer,\n\nour records show that invoice {invoice} dated {appt} for {amount} is "
        "still open. If you have already paid, please ignore this reminder. Payment details "
        "are on the invoice; do not reply to this automated message. Questions: see the "
        "contact page on {domain}.\n\nAccounts Receivable\n{company}",
        clean=True,
    ),
    T(
        "email",
        "Hi team,\n\nreminder that from {month} the dependency {pkg} is pinned in all "
        "services. Please bump to {version} in your lockfiles. Placeholders like "
        "{placeholder_email} in the seed data are fine to keep.\n\nPlatform",
        clean=True,
    ),
    # ------------------------------------------------------------------ long e-mail thread
    T(
        "email",
        "From: {p.full} <{p.email_plain}>\nTo: {q.full} <{q.email_work}>\nSubject: Re: Re: "
        "Kitchen renovation - final invoice\n\nHi {q.first},\n\nThanks for sending the "
        "breakdown. I've checked it against the quote from {appt} and two items don't match:"
        "\n\n1. The worktop was quoted at {amount} but invoiced higher.\n2. The extra socket "
        "was agreed to be free of charge.\n\nCould you send a corrected invoice? Once I have "
        "it I'll pay straight away to the account you gave me ({q.iban}).\n\nAlso, the "
        "delivery of the new oven is booked for {weekday}; please make sure someone is at "
        "{p.street} to let the driver in if I'm not back yet - {r.full} (my neighbour, "
        "{r.phone}) has a key.\n\nBest,\n{p.first}\n\n> On {ts}, {q.full} wrote:\n> Hi "
        "{p.first}, please find attached the final invoice {invoice}. Let me know if anything "
        "is unclear.\n> Kind regards, {q.first}",
    ),
    # ------------------------------------------------------------------ more clinical
    T(
        "clinical",
        "GP letter\n\nDear Dr. {a.last},\n\nRe: {p.full}, {p.dob_cue}\n{p.addr}\n\nI reviewed "
        "this {p.age}-year-old in the respiratory clinic on {appt}. Spirometry shows a "
        "moderate obstructive pattern with partial reversibility, consistent with asthma. "
        "{p.he_c} has been started on an inhaled corticosteroid and we will review in "
        "three months.\n\nThe patient asked that future letters also go to {p.his} e-mail, "
        "{p.email}.\n\nYours sincerely,\n\n{q.full}\nConsultant Respiratory Physician",
    ),
    T(
        "clinical",
        "Physio note {appt}: {p.initial}, R knee ACL reconstruction week 6. ROM 0-115. Quads "
        "lag resolved. Home programme updated. Next session {weekday} {time}.",
    ),
    T(
        "clinical",
        "Allergy alert added for {p.caps} ({p.dob}): penicillin - rash. Reported by patient's "
        "husband/wife {q.first} on {appt}.",
    ),
    T(
        "clinical",
        "Home visit: {p.title} at {p.addr}. Wound on left shin healing well, dressing changed. "
        "Key safe code given by {p.his} son {qm.first} ({qm.phone}).",
    ),
    T(
        "clinical",
        "Mental health triage call. Caller gave name as {p.firstl} and would not give a "
        "surname. Calling from {p.phone}. Safety plan discussed; crisis team to follow up.",
    ),
    T(
        "clinical",
        "Study visit 3 - participant {sku}. No adverse events. Vital signs within range. IMP "
        "batch {invoice}. Next visit window {appt} to {appt2}. (No direct identifiers in CRF.)",
        clean=True,
    ),
    T(
        "clinical",
        "Consulta: {p.full}, fecha de nacimiento: {p.dob}. Dolor lumbar de {n} semanas. "
        "Derivada a fisioterapia. Teléfono de contacto {p.phone}.",
        countries=ES,
    ),
    T(
        "clinical",
        "Compte rendu : {p.title} {p.full}, {p.dob_cue}, demeurant {p.addr}. Suivi "
        "post-opératoire sans complication.",
        countries=FR,
    ),
    # ------------------------------------------------------------------ more HR
    T(
        "hr",
        "Reference request\n\nCandidate: {p.full}\nPosition applied for: Warehouse Supervisor"
        "\nReferee: {q.full}, {company}, {q.phone}\n\nPlease confirm dates of employment and "
        "whether you would re-employ.",
    ),
    T(
        "hr",
        "Onboarding checklist for {p.first} ({p.email_work}): laptop ordered ({sku}), badge "
        "photo pending, buddy = {q.full}, first day {appt}.",
    ),
    T(
        "hr",
        "Investigation summary (confidential)\n\nComplainant: {p.full}\nRespondent: {q.full}\n"
        "Witnesses: {r.full}, {s.initial}\n\nOn {appt} the complainant reported that the "
        "respondent had repeatedly shared {p.his} personal phone number ({p.phone}) in a "
        "team chat without consent. The respondent accepts sharing the number but says it was "
        "to arrange cover for a shift. The witness {r.first} confirms the messages were sent. "
        "Recommendation: informal warning and data-protection refresher training.",
    ),
    T(
        "hr",
        "Name change: employee {order} is now {p.full} (previously {p.first} {q.last}). "
        "Update payroll, badge and e-mail alias ({p.email_work}).",
    ),
    T(
        "hr",
        "Bewerbung: {p.full}, geb. {p.dob}, wohnhaft {p.addr}. Gespräch am {appt} mit Frau "
        "{q.last} und Herrn {r.last}.",
        countries=DE_ONLY,
    ),
    T(
        "hr",
        "Headcount {month}: 212 FTE, 9 open roles in {city}, attrition 1.1 %. Payroll run "
        "{invoice} approved. No individual cases in this report.",
        clean=True,
    ),
    # ------------------------------------------------------------------ more financial
    T(
        "financial",
        "Account opening - {p.country}\nName: {p.formal}\nDate of birth: {p.dob}\n"
        "{p.natid_name}: {p.natid}\nResidential address: {p.addr}\nPhone: {p.phone}\nE-mail: "
        "{p.email}\nPEP: no\nSource of wealth: employment income",
    ),
    T(
        "financial",
        "Payment investigation: a SEPA transfer of {amount} from {p.full} ({p.iban}) was "
        "credited to the wrong beneficiary. The intended recipient is {q.full}; the account "
        "actually credited was {r.iban} ({r.full}). Recall requested on {appt}.",
    ),
    T(
        "financial",
        "Card replacement: {p.caps}, old card {p.card} blocked after skimming at an ATM in "
        "{city}. New card posted to {p.addr}.",
    ),
    T(
        "financial",
        "Insurance claim {ticket}: policyholder {p.full}, {p.dob_cue}. Water damage at "
        "{p.street} on {appt}. Loss adjuster {q.full} visiting {weekday}. Payout to {p.iban}.",
    ),
    T(
        "financial",
        "Tax office letter for {p.full}, {p.natid_name} {p.natid}: refund of {amount} for "
        "tax year 2024 will be paid to the account ending in {nn}.",
    ),
    T(
        "financial",
        "Market note: {company} shares rose 3.2 % on {weekday} after the {month} guidance. "
        "Bond ISIN-like code {badiban} in the feed is malformed; vendor ticket {ticket}.",
        clean=True,
    ),
    # ------------------------------------------------------------------ more JSON
    J(
        "json",
        {
            "ticket": {"id": "{ticket}", "channel": "email", "created_at": "{ts}"},
            "requester": {"display_name": "{p.full}", "email": "{p.email_plain}"},
            "comments": [
                {"author": "requester", "body": "Hi, the {product} I got is scratched."},
                {
                    "author": "agent:{a.first}",
                    "body": "Sorry {p.first}! Could you send a "
                    "photo and confirm the delivery address?",
                },
                {"author": "requester", "body": "Photo attached. Address is {p.addr}."},
            ],
        },
    ),
    J(
        "json",
        {
            "user": {
                "id": "{uuid}",
                "handle": "{p.user}",
                "profile_url": "{p.url}",
                "last_login_ip": "{p.ip}",
                "signup": "{ts}",
            }
        },
    ),
    J(
        "json",
        {
            "form": "contact",
            "fields": {
                "your_name": "{p.fulll}",
                "your_message": "pls call me back on {p.phone}, its about order {order}",
            },
        },
    ),
    J(
        "json",
        {
            "beneficiary_name": "{p.full}",
            "beneficiary_iban": "{p.iban}",
            "beneficiary_address": "{p.addr}",
            "remittance_info": "{invoice}",
            "amount": {"value": "{amount}"},
        },
    ),
    J(
        "json",
        {
            "records": [
                {"name": "{p.lastfirst}", "dob": "{p.dob}", "nid": "{p.natid}"},
                {"name": "{q.lastfirst}", "dob": "{q.dob}", "nid": "{q.natid}"},
            ],
            "exported_by": "{a.email_work}",
            "export_id": "{uuid}",
        },
    ),
    J(
        "json",
        {
            "order": {
                "id": "{order}",
                "status": "shipped",
                "carrier": "{company}",
                "tracking": "{tracking}",
                "eta": "{appt}",
            },
            "links": {"help": "{domain}"},
        },
        clean=True,
    ),
    J(
        "json",
        {
            "metrics": {"p95_ms": 412, "errors": 3},
            "host": "api-{nn}",
            "version": "{version}",
            "agent": "{build}",
            "note": "baseline from {month}",
        },
        clean=True,
    ),
]

TEMPLATES += [
    T(
        "chat",
        "hi its {p.firstl} again ask {q.firstl} about the refund {q.he} said it was approved on "
        "{weekday} but nothing in my account yet my iban is {p.iban}",
        lower=True,
    ),
    T(
        "chat",
        "ok so call {p.firstl} on {p.phone} {p.he} has the van keys and {q.firstl} has the "
        "alarm code dont text it just call the delivery for the {city} site is at {time} "
        "tomorrow",
        lower=True,
    ),
    T(
        "chat",
        "customer: the number on my bill {badphone} keeps calling me, is that you?\nagent: "
        "That's actually our internal account reference, it can't make calls. Could be a "
        "scam - please don't share any details.\ncustomer: oh ok thanks",
        clean=True,
    ),
    T(
        "ticket",
        "Firewall log shows traffic from {badip} which is not a valid address - probably a "
        "bug in the log shipper {version}. Also seeing OID {oid} polled every 5 s. Ticket "
        "{ticket}; no users affected.",
        clean=True,
    ),
    T(
        "ticket",
        "Bookshop order {order}: customer {p.full} ordered ISBN {isbn} twice by mistake. "
        "Refund one copy to card {p.card}. Ship the other to {p.addr}.",
    ),
    T(
        "email",
        'Dear {p.title},\n\nThank you for your order of "Birds of {city}" (ISBN {isbn}). '
        "Unfortunately it is out of print. We have refunded {amount} to your card ending "
        "{p.card4}.\n\nKind regards,\n{a.full}\nCustomer Service",
    ),
    T(
        "ticket",
        "Phishing report: {p.full} forwarded a message asking {p.him} to 'confirm' card "
        "{badcard} and IBAN {badiban} at a look-alike of {domain}. Neither number is real; "
        "{p.his} own card is unaffected. Reporter e-mail: {p.email_plain}.",
    ),
    T(
        "clinical",
        "Obstetric booking visit\n\nName: {pfy.full}\n{pfy.dob_cue}\nAddress: {pfy.addr}\nPhone: "
        "{pfy.phone}\nPartner: {q.full}\nGP: Dr. {a.last}\n\nG2P1, LMP {appt}, dating scan to "
        "confirm EDD. "
        "Previous normal vaginal delivery. Booking bloods taken; dating scan requested. "
        "Interpreter not required. Prefers appointments on {weekday} mornings. Consent given "
        "for text reminders.",
    ),
    T(
        "hr",
        "Probation review - {p.full}\n\nReviewer: {q.full}\nDate: {appt}\n\n{p.first} joined "
        "the customer operations team {n} months ago. Strengths: calm on difficult calls, "
        "accurate notes, helped roll out the {software} upgrade ({version}). Development "
        "areas: escalation etiquette, time management on {weekday} peaks. Attendance: two "
        "sick days, both certified. Outcome: probation passed. Next review with {r.initial} "
        "in six months. Salary adjustment to be paid to the account on file ({p.iban}) from "
        "{month}.",
    ),
    T(
        "financial",
        "Collections call log\n\n{ts} - outbound to {p.phone}, no answer.\n{ts2} - outbound, "
        "spoke to a family member ({q.firstl}), asked to call back after {time}.\n{ts3} - "
        "customer {p.full} called in. Confirmed identity with DOB {p.dob} and postcode "
        "{p.pc_city}. Agreed to pay {amount} by {appt} from account {p.iban}. Noted that the "
        "customer recently moved from {q.street}; old address to be archived.",
    ),
    T(
        "email",
        "Hi {p.first},\n\nhere are the details for the visa letter:\n\nFull name (as in "
        "passport): {p.caps}\nDate of birth: {p.dob}\nHome address: {p.addr}\nConference: "
        "{company} Summit, {city}, {month}\n\nLet me know if the invitation should also list "
        "your colleague {q.full}.\n\nRegards,\n{a.full}\nEvents Team",
    ),
    T(
        "chat",
        "Agent: Welcome back! What can I do for you?\nCustomer: Hi, it's {p.full}. I rang "
        "yesterday and spoke to {a.first}.\nAgent: I see the notes. You wanted to move the "
        "installation to {appt}?\nCustomer: Yes, and the engineer should call my wife {qf.first} "
        "on {qf.phone} because I'll be at work.\nAgent: Done. Anything else?\nCustomer: No, "
        "that's all.",
    ),
    T(
        "json",
        '{"note": "customer {p.full} asked to delete account", "ip": "{p.ip}", '
        '"ticket": "{ticket}", "received": "{ts}", "channel": "web"}',
    ),
    J(
        "json",
        {
            "data": {
                "type": "lead",
                "attributes": {
                    "first_name": "{p.first}",
                    "last_name": "{p.last}",
                    "email": "{p.email}",
                    "company": "{company}",
                    "notes": "met at {city} expo, wants demo on {weekday}",
                },
            }
        },
    ),
    J(
        "json",
        {
            "batch": "{invoice}",
            "rejected": [
                {"row": 4, "value": "{badiban}", "reason": "checksum"},
                {"row": 9, "value": "{badcard}", "reason": "luhn"},
            ],
            "accepted": 118,
        },
        clean=True,
    ),
    T(
        "email",
        "Bonjour,\n\nje m'appelle {p.full} et je souhaite résilier mon abonnement {product} "
        "(contrat {order}). Merci de confirmer par e-mail à {p.email}.\n\nCordialement,\n"
        "{p.first}",
        countries=FR,
    ),
    T(
        "chat",
        "cliente: buongiorno, mi chiamo {p.first}, il mio numero è {p.phone}. il corriere "
        "non trova {p.street}\noperatore: grazie, avviso subito il corriere",
        countries=("IT",),
    ),
    T(
        "ticket",
        "Benim adım {p.full}, {p.addr} adresinde oturuyorum. Faturam {invoice} iki kez "
        "ödendi, iade istiyorum. Telefon: {p.phone}",
        countries=("TR",),
    ),
]

TEMPLATES += [
    T(
        "ticket",
        "Subject: GDPR erasure request - please confirm\n\nDear Data Protection Officer,\n\n"
        "I am writing to ask you to delete all personal data you hold about me under Article "
        "17 GDPR. I was a customer of your {product} subscription service between 2019 and "
        "{month} of this year.\n\nTo help you find my records:\n- Name: {p.full} (before my "
        "marriage: {p.first} {q.last})\n- Date of birth: {p.dob}\n- Addresses used: {p.addr} "
        "(current) and {r.addr} (until last year)\n- E-mail addresses: {p.email_plain} and "
        "{p.email}\n- Phone: {p.phone}\n- Customer number: {order}\n\nPlease also remove my "
        "public profile ({p.url}) from your partner directory, and confirm in writing when the "
        "deletion is complete. I do not consent to my data being kept for marketing. If you "
        "need to verify my identity, you may call me between {time} and {time2} on weekdays."
        "\n\nYours faithfully,\n{p.full}",
    ),
    T(
        "clinical",
        "Multidisciplinary team meeting - {appt}\n\nPresent: Dr. {a.last} (chair), {q.full} "
        "(specialist nurse), {r.initial} (pharmacist)\n\nCase 1: {p.caps}, {p.dob_cue}, "
        "{p.natid_name} {p.natid}\n{p.age}-year-old with newly diagnosed type 2 diabetes and "
        "chronic kidney disease stage 3a. HbA1c 71 mmol/mol. Lives with [[a daughter|a son]] "
        "at {p.addr}, who helps with medication. Discussion: start an SGLT2 inhibitor, stop "
        "the NSAID bought over the counter, refer to dietitian. Patient prefers phone contact "
        "({p.phone}) and does not use e-mail.\n\nCase 2: deferred - results from the lab "
        "(sample {sku}) not yet available.\n\nActions: {q.first} to phone the patient by "
        "{weekday}; pharmacist to review the repeat list.",
    ),
    T(
        "email",
        "Dear {p.first},\n\nThank you for agreeing to speak at our {month} event in {city}. "
        "Here is the information we need for the programme and your travel:\n\n1. Your bio "
        "(max 80 words) - the one on {p.url} is fine if you prefer.\n2. Your passport name: "
        'please double-check we have "{p.caps}".\n3. Your arrival time, so {q.full} from our '
        "team can meet you at the station.\n\nThe hotel booking is under confirmation number "
        "{order}. If your plans change, please call {q.first} on {q.phone} or write to "
        "{q.email_work}.\n\nBest wishes and see you soon,\n{a.full}\nProgramme Committee",
    ),
    T(
        "ticket",
        "Address correction for a bulk shipment. The import file contains:\n\n{p.caps}\n"
        "{p.addr_caps}\n\nbut the customer says the correct address is:\n\n{p.full}\n{q.addr}\n"
        "\nPlease update the master record and re-run label batch {invoice}.",
    ),
    T(
        "chat",
        "hey!! found u on linkedin ({p.url}) - we met at the {company} stand in {city}. im "
        "{q.firstl}, would love to chat about the job. my number is {q.phone}",
        lower=True,
    ),
    T(
        "hr",
        "Candidate shortlist - Backend Engineer\n\n1. {p.full} - {p.url} - strong Go "
        "background\n2. {q.full} - {q.url} - currently at {company}\n3. {r.initial} - "
        "referral from {s.first}, CV by e-mail ({r.email})\n\nPanel: {a.full}. Interviews "
        "{weekday} and the following {weekday2}.",
    ),
    T(
        "financial",
        "Sanctions screening result\nName screened: {p.formal}\nDate of birth: {p.dob}\n"
        "Nationality: {p.country}\nMatch: partial (name only) against a listed person with a "
        "different date of birth and nationality. Decision: false positive, cleared by "
        "{a.initial}. Account {p.iban} released.",
    ),
    T(
        "log",
        "{ts} INFO web: 200 GET /profile?u={p.user} ip={p.ip}\n{ts2} INFO web: 302 POST "
        "/login ip={p.ip}\n{ts3} WARN web: 429 POST /login ip={q.ip} (rate limited)\n{ts4} "
        "INFO web: 200 GET /health ip=10.0.0.7",
    ),
    J(
        "json",
        {
            "order_id": "{order}",
            "customer": {
                "full_name": "{p.full}",
                "contact": {"email": "{p.email_plain}", "mobile": "{p.phone}"},
                "billing_address": {
                    "line1": "{p.street}",
                    "postal": "{p.pc_city}",
                    "country": "{p.country}",
                },
                "shipping_address": {
                    "line1": "{q.street}",
                    "postal": "{q.pc_city}",
                    "attention": "{q.full}",
                },
            },
            "payment": {"method": "card", "last4": "{p.card4}", "brand": "{p.card_brand}"},
            "history": [
                {"at": "{ts}", "event": "created"},
                {"at": "{ts2}", "event": "address changed by customer"},
            ],
        },
    ),
    J(
        "json",
        {
            "to": "{p.phone_intl}",
            "template": "otp",
            "vars": {"name": "{p.first}", "code": "{nn}{nn2}"},
            "rendered": "Hi {p.first}, your {company} code is {nn}{nn2}. It expires in 10 minutes.",
            "sent_at": "{ts}",
        },
    ),
]

TEMPLATES += [
    T(
        "ticket",
        "Travel desk: flights for the {city} offsite are booked via {eponym}; the shuttle "
        "leaves from the main entrance at {time}. Group booking {order}, invoice {invoice}. "
        "Names will be added by each traveller in the portal, not here.",
        clean=True,
    ),
    T(
        "email",
        "Hi all,\n\nthe catering for {weekday} is sorted: coffee from {eponym}, lunch from the "
        "place next to {eponym2}. Budget {amount}, PO {invoice}. Dietary requirements go in "
        "the form, please don't reply-all with them.\n\nFacilities",
        clean=True,
    ),
    T(
        "chat",
        "user: is the {eponym} voucher code valid in {city}?\nbot: Vouchers issued by partner "
        "brands can be redeemed in all {company} stores until {month} 31.\nuser: ok and "
        "online?\nbot: Online too, enter it at checkout.",
        clean=True,
    ),
]

TEMPLATES += [
    T(
        "chat",
        "Cześć {p.first}! Czy możesz przekazać {q.first}, że spotkanie przeniesiono na "
        "czwartek? Jej/jego numer mam stary, a nowy to chyba {q.phone}. Dzięki!",
        countries=("PL",),
    ),
    T(
        "email",
        "Sayın {p.title},\n\n{order} numaralı siparişiniz kargoya verilmiştir. Teslimat "
        "adresi: {p.addr}. Sorularınız için {a.phone} numarasını arayabilirsiniz.\n\n"
        "Saygılarımızla,\n{a.full}",
        countries=("TR",),
    ),
    T(
        "email",
        "Dear {p.title},\n\nThank you for staying with us in {city}. We found a phone charger in "
        "room {nn} after your check-out. Shall we post it to {p.addr}? Please reply to this "
        "e-mail or call reception.\n\nWarm regards,\nFront Office",
    ),
    T(
        "ticket",
        "Caller says {p.his} {p.country} mobile is {p.phone_intl} but the SMS codes never arrive. "
        "Name on the account: {p.full}. Tried the landline in {p.city} ({q.phone_nat}) - it "
        "belongs to {p.his} cousin {q.first}.",
        countries=None,
    ),
    T(
        "ticket",
        "My {p.country} number changed. Old: {badphone} (that was a typo on the form anyway). "
        "New: {p.phone}. Please update the account of {p.lastfirst}.",
    ),
    T(
        "chat",
        "[{time}] agent: Could you spell the surname?\n[{time}] customer: {p.last}\n[{time}] "
        "agent: And the first name?\n[{time}] customer: {p.first}\n[{time}] agent: Thank you. "
        "I've found the booking {order} for {appt}.",
    ),
    T(
        "chat",
        "hello i am {p.firstl} from {p.city}, my relative {q.fulll} bought insurance from u in "
        "2019 and now {q.he} passed away. how do i claim. {q.his} birthday was {q.dob}",
        lower=True,
    ),
    T(
        "email",
        "Hi {p.first},\n\nI'm off from {appt} to {appt2}. For anything urgent please contact "
        "{q.full} ({q.email_work}, {q.phone_intl}). For payroll questions, {r.initial} is the "
        "backup.\n\n{p.full}\n[This is an automatic reply]",
    ),
    T(
        "email",
        "Dear {p.last} family,\n\nthank you for your donation of {amount}. A receipt for tax "
        "purposes has been sent to {p.addr}. If the address is wrong, please reply to this "
        "e-mail.\n\nWith gratitude,\n{a.full}\nFundraising",
    ),
    T(
        "clinical",
        "Eye clinic: {p.initial} (hospital no. {invoice}), {p.dob_cue}. VA R 6/9, L 6/12. IOP "
        "normal. Cataract surgery listed for {appt}. Transport requested to {p.street}.",
    ),
    T(
        "clinical",
        "Sleep study report for {p.full} ({p.dob}). AHI 24/h, moderate OSA. CPAP trial "
        "started. Device serial {sku}, firmware {version}. Follow-up {appt}.",
    ),
    T(
        "clinical",
        "Telephone advice: caller {q.full} rang about [[her|his]] neighbour {p.full} of "
        "{p.street}, who has not been seen for three days. Police welfare check requested. "
        "Caller's number: {q.phone}.",
    ),
    T(
        "hr",
        "Leaver: {p.full}, last working day {appt}. Final pay to {p.iban}. P45/certificate to "
        "be sent to {p.addr}. Return badge and {product}.",
    ),
    T(
        "hr",
        "Recognition nominations for {month}: {p.full} (logistics) for covering three night "
        "shifts, and {q.full} (customer care) for the {company} migration. Nominated by "
        "{r.initial}.",
    ),
    T(
        "financial",
        "Inheritance case: deceased {q.formal}, {q.dob_cue}, last address {q.addr}. "
        "Heir {p.full} requests transfer of the balance to {p.iban}. Death certificate "
        "verified on {appt}.",
    ),
    T(
        "financial",
        "Crypto exchange withdrawal review: user {p.email_plain} withdrew {amount} to a new "
        "wallet after logging in from {p.ip}. Name on the account {p.full}; KYC document "
        "{p.natid_name} {p.natid}.",
    ),
    T(
        "financial",
        "Statement line: SEPA DD {company} {invoice} {amount}. Creditor ID and mandate "
        "reference as per contract. Customer query about line 3: amount disputed, no personal "
        "data in the statement extract.",
        clean=True,
    ),
    T(
        "log",
        "{ts} WARN vpn: user {p.email_work} connected from {p.ip} (unusual location)\n{ts2} "
        "INFO vpn: user {p.email_work} disconnected, 1.2 GB transferred\n{ts3} INFO vpn: "
        "client version {build}",
    ),
    T(
        "ticket",
        'Tracking help: the customer read out "{ups}" and asked if that\'s the phone number '
        "of the driver. Explained it's the UPS tracking number. Also {dhl} for the second "
        "box. No further contact needed.",
        clean=True,
    ),
    J(
        "json",
        {
            "claim": {"id": "{ticket}", "type": "travel"},
            "insured": {"name": "{p.full}", "dob": "{p.dob}", "passport_country": "{p.country}"},
            "incident": {
                "date": "{appt}",
                "description": "Luggage lost between {city} and "
                "home. Contact my partner {q.first} on {q.phone} if I'm unreachable.",
            },
        },
    ),
    J(
        "json",
        {
            "kind": "sms",
            "from": "{p.phone}",
            "to": "{company}",
            "body": "hi its {p.firstl}, running 10 min late for the {time} appointment, sorry!",
            "received": "{ts}",
        },
    ),
    J(
        "json",
        {
            "sku": "{sku}",
            "isbn": "{isbn}",
            "title": "Cooking with {eponym}",
            "price": "{amount}",
            "stock": {"warehouse": "{city}", "qty": 14},
        },
        clean=True,
    ),
]
