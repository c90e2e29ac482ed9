"""Templates used only for the third dev set (dev3.jsonl). See render.py for the slot syntax.

Written from new sentence skeletons, without reading the held-out templates, the second dev
set or the engine.
"""

from __future__ import annotations

from tmpl import J, T

DE = ("DE", "AT", "CH")
FR = ("FR", "BE", "CH")
ES = ("ES", "MX", "AR")
PT = ("PT", "BR")
NL = ("NL", "BE")
NORDIC = ("DK", "NO", "SE", "FI")
EN = ("GB", "US", "IE", "CA", "AU", "IN", "PH", "NG", "GH", "KE", "ZA")

TEMPLATES = [
    # ------------------------------------------------------------ bank / insurance call notes
    T(
        "financial",
        "CALL NOTE {ts} - inbound, verified (2 of 3 questions)\nCaller said she/he is "
        "{p.full}, DOB given as {p.dob}. Asked why standing order to {q.full} bounced. Balance "
        "shown on screen {amount}. Agent {a.first} explained the {appt} cut-off. No further "
        "action; caller will ring back from {p.phone}.",
    ),
    T(
        "financial",
        "Telephone banking / fraud desk\nCustomer: {p.lastfirst}\nDisputed: 3 card-not-present "
        "payments at {company}, total {amount}\nCard blocked: {p.card}\nReplacement posted to "
        "{p.addr}\nHandled by {a.initial}",
    ),
    T(
        "financial",
        "Agent memo: spoke with {p.title} re: overdue instalment. {p.he_c} asked that future "
        "letters go to {p.street}, {p.pc_city} and that we stop calling {p.phone_nat} during "
        "working hours. Arrangement: {amount} on the {n}th of each month.",
    ),
    T(
        "financial",
        "Motor claim FNOL. Policyholder {p.formal} ({p.dob_cue}) reports rear-end collision on "
        "{appt} near {city}. Third party driver: {x.full}, insurer unknown, mobile "
        "{x.phone_intl}. Photos uploaded by insured from IP {p.ip}. Claim ref {ticket}.",
    ),
    T(
        "financial",
        "Home contents claim - water damage\nInsured address: {p.addr}\nContact: {p.full} / "
        "{p.email}\nLoss adjuster visit booked {appt} {time}\nSettlement to IBAN {p.iban} once "
        "invoices {invoice} and {invoice2} are checked.",
    ),
    T(
        "financial",
        "Beneficiary change request received by post. Policy {order}. Old beneficiary "
        "{q.full}; new beneficiary {r.full}, born {r.dob}, of {r.addr}. Signature of "
        "policyholder {p.full} compared with file: matches.",
    ),
    T(
        "financial",
        "Outbound call attempt #{n} - no answer on {p.phone}. Voicemail left for {p.first} "
        "asking to confirm the direct debit from {p.iban}. Note: do NOT use the old number "
        "{badphone}, it belongs to someone else.",
    ),
    T(
        "financial",
        "Quarterly statement run {appt}: {nn} accounts with returned mail, {n} with unknown "
        "IBAN format (sample {badiban}). Batch {uuid}. Escalated to {company} print vendor.",
        clean=True,
    ),
    T(
        "financial",
        "Travel insurance - medical emergency abroad. Insured {p.caps} hospitalised in {city}. "
        "Relative calling: {q.full} (sister/brother), {q.phone_intl}. Passport no. not given. "
        "Card used for booking {p.card_brand} {p.card}. Assistance case {ticket}.",
    ),
    # ------------------------------------------------------------ police / incident reports
    T(
        "ticket",
        "INCIDENT REPORT {ticket}\nReported {ts} by {p.full} ({p.dob_cue}), resident at "
        "{p.addr}.\nSummary: bicycle stolen from the communal shed. Witness {q.full} "
        "saw a van, partial plate only. Reporting person reachable on {p.phone}.",
    ),
    T(
        "ticket",
        "Statement of witness\nName: {p.caps}\nAddress: {p.addr}\nPhone: {p.phone}\n\nOn "
        "{appt} at about {time} I was walking home when I saw a man take a {product} from a "
        "parked car. I do not know him. I later saw the owner, {q.full}, talking to officers.",
    ),
    T(
        "ticket",
        "Lost property log {appt}: wallet handed in at {city} station. Contents: bank card "
        "{p.card}, library card, ID in the name of {p.full}, receipt {invoice}. Owner "
        "contacted at {p.email_plain}.",
    ),
    T(
        "ticket",
        "Security incident #{n}: {nn} failed VPN logins for user {p.user} from {p.ip}, then a "
        "success from {q.ip6}. Account owner {p.full} confirms it was not them. Password reset "
        "forced, see runbook {version}.",
    ),
    T(
        "ticket",
        "Noise complaint logged {ts}. Complainant {p.initial} (flat below) about neighbour "
        "{q.title} at {q.street}. Both parties advised. Follow-up visit on {appt}.",
    ),
    T(
        "ticket",
        "Site incident: forklift contact with racking in bay {n}, {city} depot, {appt}. No "
        "injuries. Damage estimate {amount}. Inspection cert {badid}; firmware on scanner "
        "{build}.",
        clean=True,
    ),
    # ------------------------------------------------------------ tenancy / utilities
    T(
        "email",
        "Dear letting team,\n\nI am writing about the deposit for {p.street}. I moved out on "
        "{appt} and handed the keys to {a.full}. {amount} has still not been returned. Please "
        "pay it to {p.iban} (account holder {p.full}).\n\nRegards\n{p.first}",
    ),
    T(
        "ticket",
        "Meter reading dispute. Supply address {p.addr}. Customer {p.lastfirst} says reading "
        "{nn}{nn2} on the bill is impossible; photo of meter sent from {p.email}. Account "
        "{order}. Billing hold until {appt}.",
    ),
    T(
        "email",
        "To whom it may concern,\nthe radiator in my flat has been broken since {month}. The "
        "landlord, {q.title}, does not answer {q.phone}. My details: {p.full}, {p.addr}, tel. "
        "{p.phone}. I am withholding rent from {appt} as advised.\n{p.full}",
    ),
    T(
        "ticket",
        "Move-in / move-out for electricity contract\nOld tenant: {p.full}, forwarding "
        "address {p.addr}\nNew tenant: {q.full}, {q.email_plain}, born {q.dob}\nSwitch date "
        "{appt}. Meter no. {sku}.",
    ),
    T(
        "email",
        "Hello,\n\nWater supply interruption notice for {city} north: works on {appt} between "
        "{time} and {time2}. Affected streets are listed on {domain}. Reference {ticket}.\n\n"
        "Customer Service, {company}",
        clean=True,
    ),
    T(
        "chat",
        "tenant: hi its {p.firstl} from flat {n}, the boiler is leaking again\nagent: sorry to "
        "hear that! can you confirm the address?\ntenant: {p.street}\nagent: and a number the "
        "engineer can call?\ntenant: {p.phone}",
        lower=True,
    ),
    # ------------------------------------------------------------ e-commerce / marketplace
    T(
        "chat",
        "Buyer: Hi, is the {product} still available?\nSeller: yes\nBuyer: great, can you ship "
        "to {p.addr}? name on the parcel {p.full}\nSeller: sure, pay to {q.iban} and send "
        "proof to {q.email}",
    ),
    T(
        "chat",
        "hey, i'll pick it up tomorrow. my number is {p.phone} if the buzzer doesnt work, "
        "ask for {p.firstl}. address you gave me was {q.street} right?",
        lower=True,
    ),
    T(
        "email",
        "Message from seller {company}:\n\nHi {p.first},\nthanks for your order {order}. The "
        "courier could not read the house number in {p.street}. Please reply with the full "
        "address and a phone number. Tracking: {tracking}.\n\nBest, {a.first}",
    ),
    T(
        "ticket",
        "Seller dispute: buyer {p.user} says the {product} arrived broken. Buyer name {p.full}, "
        "shipping {p.addr}. Seller {q.full} refuses return; their payout IBAN {q.iban} is on "
        "hold pending case {ticket}.",
    ),
    T(
        "chat",
        "[Marketplace] {p.first}: can you send the money via bank transfer instead?\n"
        "[Marketplace] {q.first}: ok what's your IBAN\n[Marketplace] {p.first}: {p.iban}, "
        "name {p.full}\n[Marketplace] System: Never pay outside the platform.",
    ),
    T(
        "email",
        "Your order {order} has shipped! {product} x{n}, total {amount}. Estimated delivery "
        "{appt}. Track it on {domain} with number {ups}. Questions? Reply to this e-mail.",
        clean=True,
    ),
    T(
        "ticket",
        "Return label request: RMA {sku}. Ship from {p.full}, {p.addr}, {p.phone_intl}. "
        "Reason: wrong size. Refund to original card ({p.card_brand} ending {p.card4}).",
    ),
    # ------------------------------------------------------------ trust & safety
    T(
        "ticket",
        "T&S report {ticket}\nReporter: {p.user} ({p.email})\nReported profile: "
        "{q.url}\nCategory: impersonation\nDetails: this profile uses my photos and my name, "
        "{p.full}. It messaged my friends from IP {q.ip} according to them.",
    ),
    T(
        "ticket",
        'Dating app safety report: user "{q.firstl}" asked {p.first} for money ({amount}) '
        "and sent bank details {q.iban}. Reporter phone {p.phone}. Reporter account created "
        "{appt}. Action: ban + notify bank.",
    ),
    T(
        "ticket",
        "Moderation queue: post contains a phone number and address of a third person "
        '("call {q.full} at {q.phone}, she lives at {q.street}"). Posted by {p.user} from '
        "{p.ip6}. Removed under doxxing policy.",
    ),
    T(
        "ticket",
        "Appeal: my account {p.user} was suspended by mistake. I am {p.full}, born {p.dob}, "
        "you can verify on {p.url}. Please reply to {p.email_obf}.",
    ),
    T(
        "ticket",
        "Weekly T&S metrics: {nn} impersonation reports, {nn2} spam waves (top source range "
        "{badip}), median handling time {n} h. Model {version} deployed {appt}.",
        clean=True,
    ),
    # ------------------------------------------------------------ app store reviews / surveys
    T(
        "ticket",
        "★☆☆☆☆ Terrible support. I wrote to them from {p.email} {n} times and no answer. My "
        "name is {p.full}, check your logs! Version {version}.",
    ),
    T(
        "ticket",
        "★★★★☆ Works fine on my phone after {version}. Only wish the widget were bigger. "
        "Developer response: Thanks! Tell us more at {example}.",
        clean=True,
    ),
    T(
        "ticket",
        "Review reply from developer:\n> app crashed and deleted my notes - {p.full}"
        "\nHi {p.first}, sorry! Please email us the address you signed up with (not here in "
        "public) and the build number {build}.",
    ),
    T(
        "ticket",
        "Survey free text (Q7 'Anything else?'): the delivery man was very kind, his name was "
        "{a.first} I think. Please call me {p.phone} about the invoice {invoice}. - {p.full}",
    ),
    T(
        "ticket",
        "NPS comment: 9/10. Great service at the {city} branch, the queue was short and the "
        "{product} was in stock. Would like longer opening hours on {weekday}.",
        clean=True,
    ),
    T(
        "ticket",
        "CSAT survey #{order}\nQ3: How could we improve?\nA: Stop sending letters to my old "
        "address {p.addr}!!! I moved to {p.city} years ago. {p.lastfirst}",
    ),
    # ------------------------------------------------------------ GitHub / Jira
    T(
        "ticket",
        "@{p.user} can you take a look? The crash only happens with {pkg} on Node "
        "{version}. Stack trace attached (commit {githash}). cc {q.full} who wrote the "
        "original parser. - {a.first}",
    ),
    T(
        "ticket",
        "Jira {ticket}: Customer data leaked into log line\n\nDescription: the export job "
        "prints raw rows, e.g. `name={p.full};mail={p.email_plain};iban={p.iban}`. Assigned to "
        "{a.full}. Fix version {version}.",
    ),
    T(
        "ticket",
        "Closing as duplicate of #{nn}. Reproduced on {software} {winbuild} and {build}. The "
        "UUID {uuid} in the report is random per install and not user data.",
        clean=True,
    ),
    T(
        "ticket",
        "PR review comment by {p.full} ({p.url}):\n> test fixture contains a real-looking "
        "card {badcard}\nIt's Luhn-invalid on purpose, see {githash}. Resolving.",
    ),
    T(
        "ticket",
        "Bug report from {p.email_work}: installer writes the user's home path "
        "C:\\Users\\{p.firstl}\\AppData into telemetry together with the client IP {p.ip}. "
        "Affects {version}.",
    ),
]
TEMPLATES += [
    # ------------------------------------------------------------ e-mail threads / OOO / invites
    T(
        "email",
        "Thanks, that works for me.\n\nOn {weekday}, {appt} at {time}, {p.full} <{p.email_plain}> "
        "wrote:\n> Could we move the handover to the afternoon? I can be reached on {p.phone} "
        "until noon.\n> Best, {p.first}",
    ),
    T(
        "email",
        "Hi {q.first},\n\nforwarding below.\n\n---------- Forwarded message ---------\nFrom: "
        "{p.full} <{p.email}>\nDate: {ts}\nSubject: change of address\n\nPlease note my new "
        "address from next month: {p.addr}.",
    ),
    T(
        "email",
        "Automatic reply: I am out of the office until {appt} with limited access to e-mail. "
        "For urgent matters please contact my colleague {q.full} ({q.email_work}, "
        "{q.phone_intl}).\n\n{p.full} | {company}",
    ),
    T(
        "email",
        "Abwesenheitsnotiz: Ich bin bis {appt} nicht im Büro. In dringenden Fällen wenden Sie "
        "sich bitte an {q.title} unter {q.phone}.\n\nMit freundlichen Grüßen\n{p.full}",
        countries=DE,
    ),
    T(
        "email",
        "Réponse automatique : je suis absente jusqu'au {appt}. Pour toute urgence, merci de "
        "contacter {q.full} ({q.email_plain}).\nCordialement,\n{p.full}",
        countries=FR,
    ),
    T(
        "email",
        "Auto-reply: Thank you for your message. Our office is closed on {weekday} {appt} for "
        "the public holiday. Orders placed on {domain} will ship on the next working day.",
        clean=True,
    ),
    T(
        "email",
        "Invitation: Quarterly review @ {weekday} {appt} {time} - {time2}\nOrganizer: "
        "{p.email_work}\nGuests: {q.email_work}, {r.full}, room-{city}-{n}@{domain}\nJoin by "
        "phone: {badphone} PIN {nn}",
    ),
    T(
        "email",
        "BEGIN:VEVENT\nSUMMARY:Viewing {p.street}\nDTSTART:{ts}\nATTENDEE;CN={p.full}:mailto:"
        "{p.email_plain}\nDESCRIPTION:Tenant {q.full} will open the door. Call {q.phone} if "
        "late.\nEND:VEVENT",
    ),
    T(
        "email",
        "Calendar: Team offsite at {company} {city}\nWhen: {appt}, {time}\nWhere: Conference "
        "room {n}\nAgenda: roadmap {version}, budget {amount}, hiring.",
        clean=True,
    ),
    T(
        "email",
        "> > On {appt}, {q.full} wrote:\n> > > pls send me the IBAN again\n> \n> It's {p.iban}, "
        "holder {p.full}\n\nGot it, paid today. {q.first}",
    ),
    T(
        "email",
        "Le {appt} à {time}, {p.full} <{p.email_plain}> a écrit :\n> Bonjour, je vous confirme "
        "mon adresse : {p.addr}.\n\nMerci Madame/Monsieur, c'est noté.",
        countries=FR,
    ),
    T(
        "email",
        "El {appt}, {p.full} escribió:\n> Mi teléfono nuevo es {p.phone} y el correo {p.email}"
        "\n\nGracias, ya lo actualizamos en el sistema. Saludos, {a.first}",
        countries=ES,
    ),
    T(
        "email",
        "Kind regards,\n\n{p.formal}\nSenior Buyer | {company}\nM {p.phone_intl}\nE "
        "{p.email_work}\n{p.street}, {p.pc_city}\n\nThis e-mail may contain confidential "
        "information.",
    ),
    T(
        "email",
        "Hi all, minutes attached. Action items: {p.initial} to send the {product} quote, "
        "{q.initial} to check invoice {invoice}. Next call {appt}.\n-- \nsent from my phone",
    ),
    # ------------------------------------------------------------ clinical
    T(
        "clinical",
        "DISCHARGE SUMMARY\nPatient: {p.caps}   DOB: {p.dob}\nAddress: {p.addr}\nAdmitted: "
        "{appt}  Discharged: {appt2}\nDiagnosis: community-acquired pneumonia. Follow-up with "
        "GP {q.title} in {n} days. Next of kin: {r.full}, {r.phone}.",
    ),
    T(
        "clinical",
        "Lab report - specimen {sku}\nName: {p.lastfirst}\nDate of birth: {p.dob}\nCollected: "
        "{ts}\nHbA1c 6.1 %, LDL 3.4 mmol/L, eGFR {nn}\nRequesting clinician: Dr {q.last}\n"
        "Analyser firmware {build}",
    ),
    T(
        "clinical",
        "Rx\n{p.full}, {p.dob_cue}\n{p.addr}\nAmoxicillin 500 mg, 1-1-1 for {n} days\nSigned "
        "{q.title}, {appt}",
    ),
    T(
        "clinical",
        "Nursing handover bed {n}: {p.full}, {p.age} y, post-op day 2 after "
        "{eponym} repair. Daughter/son {q.first} calls every evening from {q.phone}. Allergies: "
        "penicillin.",
    ),
    T(
        "clinical",
        "Referral received from {q.title} for {p.full} (NHS/ID {p.natid}). Reason: suspected "
        "carpal tunnel. Patient prefers contact by e-mail: {p.email}. Triage category {n}.",
        countries=("GB", "IE", "NL", "SE", "DK", "NO", "FI", "IT", "ES", "PL", "BE"),
    ),
    T(
        "clinical",
        "Clinic bulletin: flu vaccination sessions in {city} on {appt} and {appt2}, {time} to "
        "{time2}. Bring your card. Batch no. {sku}. {eponym} clinic closed that week.",
        clean=True,
    ),
    T(
        "clinical",
        "Pharmacy note: repeat prescription for {p.initial} collected by {q.full}, who showed "
        "ID. Patient's new phone {p.phone}. Next refill due {appt}.",
    ),
    T(
        "clinical",
        "Epikrise\nPatientin/Patient: {p.full}, {p.dob_cue}\nWohnhaft: {p.addr}\nStationärer "
        "Aufenthalt vom {appt} bis {appt2}. Weiterbehandlung durch {q.title}. Rückfragen: "
        "{a.phone}.",
        countries=DE,
    ),
    T(
        "clinical",
        "Compte rendu de consultation\nPatient(e) : {p.caps}, {p.dob_cue}\nMédecin traitant : "
        "{q.title}\nTél. {p.phone}\nConclusion : entorse de cheville, contrôle le {appt}.",
        countries=FR,
    ),
    T(
        "clinical",
        "Informe de alta: {p.formal}, {p.dob_cue}, domicilio {p.addr}. Ingreso {appt}. "
        "Acompañante: {q.full} ({q.phone}).",
        countries=ES,
    ),
    T(
        "clinical",
        "Lab QC log {ts}: control lot {sku} out of range on analyser {build}; {nn} samples "
        "re-run. No patient results released before {appt}.",
        clean=True,
    ),
    # ------------------------------------------------------------ school / HR / visa
    T(
        "hr",
        "End-of-term report\nPupil: {pf.full}   Date of birth: {pf.dob}\nClass: {n}B\n"
        "Form tutor: {a.title}\n{pf.first} has made good progress in maths. Parents "
        "{q.full} and {r.full} are invited to the meeting on {appt}.",
    ),
    T(
        "hr",
        "Absence note: please excuse {pm.full} from school on {appt}, {pm.he} had "
        "a dentist appointment. {q.full}, mobile {q.phone}",
    ),
    T(
        "hr",
        "VISA APPLICATION - SECTION B\nSurname: {p.last}\nGiven names: {p.first}\nDate of "
        "birth: {p.dob}\nHome address: {p.addr}\nE-mail: {p.email_plain}\nTelephone: "
        "{p.phone_intl}\nHost in destination country: {x.full}, {x.addr}",
    ),
    T(
        "hr",
        "Residence permit renewal - caseworker note. Applicant {p.formal}, national id "
        "{p.natid}, employer {company}. Spouse {q.full}, born {q.dob}. Appointment {appt} "
        "{time}.",
    ),
    T(
        "hr",
        "Employment verification: we confirm that {p.full} has worked at {company} since "
        "{appt}. Salary is paid to {p.iban}. For questions contact HR, {a.full}, "
        "{a.email_work}.",
    ),
    T(
        "hr",
        "Onboarding checklist done for new starter ({p.initial}): laptop {sku}, badge, VPN "
        "client {version}. Emergency contact: {q.full} {q.phone}. Personal e-mail for payslips "
        "{p.email}.",
    ),
    T(
        "hr",
        "Job posting: Warehouse operative, {city}. Shifts from {time}. Apply by {appt} via "
        "{domain}, reference {ticket}. Pay {amount} per hour.",
        clean=True,
    ),
    T(
        "hr",
        "Gym membership form\nName ........ {p.full}\nBorn ........ {p.dob}\nStreet ...... "
        "{p.street}\nPostcode/City {p.pc_city}\nMobile ...... {p.phone}\nDirect debit "
        "IBAN {p.iban}\nMember no. {order}",
    ),
    T(
        "hr",
        "Club membership renewal: {p.lastfirst}, member since {appt}. Fee {amount} charged to "
        "card {p.card}. Guest pass issued to {q.full}.",
    ),
    T(
        "hr",
        "Leaver notice: {p.full} leaves {company} on {appt}. Forward work mail "
        "{p.email_work} to {q.email_work}. Final payslip to {p.addr}.",
    ),
    # ------------------------------------------------------------ shipping / hotel
    T(
        "log",
        "MANIFEST {order} | {appt}\nLINE 1 | {p.caps} | {p.addr_caps} | {p.phone} | {n} PCS "
        "| {ups}\nLINE 2 | {q.caps} | {q.addr_caps} | {q.phone} | {n2} PCS | {dhl}",
    ),
    T(
        "log",
        "Consignee: {p.full}\nConsignee address: {p.addr}\nConsignee tel: {p.phone_intl}\n"
        "Shipper: {company}, {city}\nHS code 8517.62 | weight {n} kg | value {amount}\nAWB "
        "{dhl}",
    ),
    T(
        "log",
        "Container {sku} loaded {ts}, seal {badid}, {nn} pallets of {product}. Vessel ETA "
        "{appt}. Consignee {company}.",
        clean=True,
    ),
    T(
        "hr",
        "HOTEL REGISTRATION CARD\nGuest name: {p.caps}\nNationality: {p.country}\nDate of "
        "birth: {p.dob}\nHome address: {p.addr}\nArrival {appt} / Departure {appt2}\nCard "
        "guarantee: {p.card}\nSignature: ______",
    ),
    T(
        "chat",
        "Front desk: Good evening! Reservation under?\nGuest: {p.lastfirst}\nFront desk: "
        "Thank you, and could I have an e-mail for the invoice?\nGuest: {p.email_plain}\n"
        "Front desk: Room {nn}, breakfast until {time}.",
    ),
    T(
        "email",
        "Booking confirmation {order}: {n} nights at {company} {city}, check-in {appt}, "
        "total {amount}. Free cancellation until {appt2}. Manage booking at {domain}.",
        clean=True,
    ),
]
TEMPLATES += [
    # ------------------------------------------------------------ chatbot transcripts
    T(
        "chat",
        "Bot: Hi! I'm the {company} assistant. What can I help with?\nUser: parcel not "
        "arrived\nBot: Please enter your order number.\nUser: {order}\nBot: Thanks. To verify, "
        "what is the delivery postcode?\nUser: {p.pc_city}\nBot: And your full name?\nUser: "
        "{p.full}",
    ),
    T(
        "chat",
        "User: i want to change my email to {p.email}\nBot: I can help with that. Your current "
        "email ends in ...{n}. Is that right?\nUser: yes. also my phone is now {p.phone}\nBot: "
        "Updated. Anything else, {p.first}?",
    ),
    T(
        "chat",
        "Bot: Sorry, I didn't understand that.\nUser: CANCEL MY SUBSCRIPTION. card {p.card} "
        "stop charging me\nBot: For your security, never share full card numbers in chat. A "
        "human agent ({a.first}) will join shortly.",
    ),
    T(
        "chat",
        "User: what are your opening hours in {city}?\nBot: Our {city} store is open {weekday} "
        "to Saturday, {time} to {time2}.\nUser: and is the {product} in stock?\nBot: Yes, "
        "{nn} units (SKU {sku}).",
        clean=True,
    ),
    T(
        "chat",
        "Assistant: To reset your password I'll send a link to the address on file.\nUser: "
        "that's my old job address {p.email_work}, use {p.email_obf} please\nAssistant: "
        "Done. The link: {p.url}",
    ),
    # ------------------------------------------------------------ OCR / broken spacing
    T(
        "ticket",
        "S C A N N E D  F O R M  p.1\nNam e: {p.full}\nDa te of bir th: {p.dob}\nAddr ess : "
        "{p.addr}\nTel : {p.phone}\nSig nature ill egible   ref {invoice}",
    ),
    T(
        "ticket",
        "OCR> |Account holder| {p.lastfirst} |\nOCR> |IBAN| {p.iban} |\nOCR> |Date| {appt} |"
        "\nOCR> |Amount| {amount} |\nconfidence 0.{nn}",
    ),
    T(
        "ticket",
        "---page 2---\nlnvoice to: {p.full}\n{p.addr_nl}\nCustomer no {order} Inv0ice date "
        "{appt}\nPay to: {badiban} (see page 3 for corrected IBAN)",
    ),
    T(
        "ticket",
        "OCR output (fax, low quality): ...re ceived from {company} on {appt}, total {amount}, "
        "ref {invoice} ... pages {n} of {n2} ... no sender name legible.",
        clean=True,
    ),
    # ------------------------------------------------------------ telex / all caps
    T(
        "log",
        "ATTN OPS DESK STOP PAX {p.caps} DOB {p.dob} MISSED CONNECTION STOP REBOOK ON NEXT "
        "AVAILABLE STOP CONTACT {p.phone_intl} STOP REF {ticket} STOP",
    ),
    T(
        "log",
        "URGENT URGENT PLS CREDIT BENEFICIARY {p.caps} IBAN {p.iban} AMOUNT {amount} VALUE "
        "DATE {appt} REF {invoice} NNNN",
    ),
    T(
        "log",
        "MSG FROM VESSEL MASTER: CREW CHANGE AT {city} PORT {appt}. AGENT TO ARRANGE HOTEL. "
        "REF {sku}. ALL WELL ON BOARD. END",
        clean=True,
    ),
    T(
        "log",
        "NOTICE TO SHIPPER STOP CONSIGNEE {p.caps} {p.addr_caps} REFUSED DELIVERY STOP "
        "RETURN TO ORIGIN STOP TRACK {ups}",
    ),
    # ------------------------------------------------------------ mixed language
    T(
        "chat",
        "hola! sorry for my english. me llamo {p.full}, vivo en {p.street} and i need the "
        "factura {invoice} sent to {p.email}. gracias!!",
        countries=ES,
    ),
    T(
        "chat",
        "Hi, ich bin {p.first} und habe eine question: mein Paket an {p.addr} ist still not "
        "there. Tracking {tracking}. Ruf mich an: {p.phone}. Danke!",
        countries=DE,
    ),
    T(
        "chat",
        "bonjour, c'est {p.fulll}. the delivery guy said 'adresse introuvable' but "
        "it's {p.street}, {p.pc_city}. mon numéro: {p.phone}",
        countries=FR,
    ),
    T(
        "chat",
        "oi! aqui é {p.full}. can you change the delivery to my office? endereço: {p.addr}. "
        "obrigado / thanks",
        countries=PT,
    ),
    T(
        "chat",
        "halo kak, saya {p.full}. order {order} belum sampai, alamat {p.addr}. wa saya "
        "{p.phone} ya. thank you!",
        countries=("ID",),
    ),
    # ------------------------------------------------------------ German
    T(
        "email",
        "Sehr geehrte Damen und Herren,\n\nhiermit kündige ich meinen Vertrag (Kundennr. "
        "{order}) fristgerecht zum {appt}. Bitte buchen Sie ab diesem Datum nichts mehr von "
        "meinem Konto {p.iban} ab.\n\n{p.full}\n{p.addr_nl}",
        countries=DE,
    ),
    T(
        "ticket",
        "Schadensmeldung: Versicherungsnehmerin/Versicherungsnehmer {p.lastfirst}, "
        "{p.dob_cue}, Tel. {p.phone}. Am {appt} Fahrrad aus Keller in {p.street} gestohlen. "
        "Zeugin: {qf.title}.",
        countries=DE,
    ),
    T(
        "chat",
        "Vermieter: Hallo {p.first}, die Nebenkostenabrechnung ist raus.\nMieter: Danke, "
        "aber die Zählernummer {sku} stimmt nicht. Schreib mir lieber an {p.email}.\n"
        "Vermieter: ok, Gruß {q.first}",
        countries=DE,
    ),
    T(
        "email",
        "Liebe Kundin, lieber Kunde,\nam {appt} führen wir zwischen {time} und {time2} "
        "Wartungsarbeiten durch. {software} ist in dieser Zeit nicht erreichbar. Ihr Team von "
        "{company}",
        countries=DE,
        clean=True,
    ),
    # ------------------------------------------------------------ French
    T(
        "ticket",
        "Réclamation n° {ticket}\nClient : {p.title}\nAdresse : {p.addr}\nCourriel : "
        "{p.email}\nObjet : double prélèvement de {amount} le {appt} sur le compte {p.iban}.",
        countries=FR,
    ),
    T(
        "chat",
        "salut {p.firstl} ! c'est {q.firstl}, je t'envoie le RIB pour la coloc : {q.iban}. "
        "ma part du loyer c'est {amount}",
        lower=True,
        countries=("FR", "BE"),
    ),
    T(
        "email",
        "Madame, Monsieur,\nsuite à notre échange téléphonique, je vous transmets mes "
        "coordonnées : {p.full}, {p.dob_cue}, {p.addr}, tél. {p.phone}.\nBien à vous.",
        countries=FR,
    ),
    # ------------------------------------------------------------ Spanish
    T(
        "ticket",
        "Incidencia {ticket}: la clienta/el cliente {p.formal} indica que el técnico no se "
        "presentó el {appt} en {p.street}. Teléfono de contacto {p.phone}. Se reprograma.",
        countries=ES,
    ),
    T(
        "hr",
        "Ficha de socio\nApellidos y nombre: {p.lastfirst}\nFecha de nacimiento: {p.dob}\n"
        "Domicilio: {p.addr}\nCorreo: {p.email}\nCuota mensual {amount}",
        countries=ES,
    ),
    T(
        "chat",
        "oye {p.firstl}, te paso el número de {q.firstl} para lo del piso: {q.phone}. vive en "
        "{q.street}",
        lower=True,
        countries=ES,
    ),
    # ------------------------------------------------------------ Italian
    T(
        "email",
        "Gentile {p.title},\nle confermiamo l'appuntamento per il {appt} alle {time}. In caso "
        "di impedimento chiami il {a.phone}.\nCordiali saluti\n{a.full}",
        countries=("IT",),
    ),
    T(
        "ticket",
        "Segnalazione guasto: contatore in {p.addr}, intestatario {p.caps}, codice fiscale "
        "{p.natid}, cell. {p.phone}. Intervento richiesto entro il {appt}.",
        countries=("IT",),
    ),
    T(
        "chat",
        "ciao sono {p.firstl}, ho visto l'annuncio della bici. posso passare domani? il mio "
        "numero è {p.phone}",
        lower=True,
        countries=("IT", "CH"),
    ),
    # ------------------------------------------------------------ Portuguese
    T(
        "ticket",
        "Reclamação: {p.full} ({p.dob_cue}) informa que a fatura {invoice} foi enviada para "
        "{p.addr}, endereço antigo. Novo e-mail: {p.email}.",
        countries=PT,
    ),
    T(
        "chat",
        "bom dia! é a {pf.firstl}, minha vizinha {qf.firstl} pediu pra avisar que o "
        "encanador vem {weekday}. o tel dela é {qf.phone}",
        lower=True,
        countries=PT,
    ),
    T(
        "financial",
        "Pedido de reembolso. Titular: {p.full}. NIF/CPF {p.natid}. Transferir para IBAN "
        "{p.iban}. Valor {amount}. Data do pedido {appt}.",
        countries=PT,
    ),
    # ------------------------------------------------------------ Dutch
    T(
        "email",
        "Beste {p.first},\n\nBedankt voor je bericht. We hebben je adres gewijzigd naar "
        "{p.addr}. Je factuur {invoice} gaat voortaan naar {p.email_plain}.\n\nMet vriendelijke "
        "groet,\n{a.full}",
        countries=NL,
    ),
    T(
        "ticket",
        "Melding overlast: melder {p.initial}, tel. {p.phone}, over buurman {q.title} "
        "({q.street}). Datum melding {appt}. Wijkagent geïnformeerd.",
        countries=NL,
    ),
    T(
        "hr",
        "Inschrijfformulier sportschool\nNaam: {p.full}\nGeboortedatum: {p.dob}\nAdres: "
        "{p.addr}\nIBAN voor incasso: {p.iban}\nHandtekening: ja",
        countries=NL,
    ),
    # ------------------------------------------------------------ Polish
    T(
        "ticket",
        "Zgłoszenie reklamacyjne {ticket}\nKlient: {p.full}\nAdres: {p.addr}\nTel.: {p.phone}"
        "\nTreść: paczka uszkodzona, proszę o zwrot {amount} na konto {p.iban}.",
        countries=("PL",),
    ),
    T(
        "chat",
        "cześć {p.firstl}, tu {q.firstl} z ogłoszenia. mieszkanie na {q.street} dalej wolne, "
        "zadzwoń {q.phone}",
        lower=True,
        countries=("PL",),
    ),
    T(
        "hr",
        "Kwestionariusz osobowy: {p.caps}, {p.dob_cue}, PESEL {p.natid}, adres zamieszkania "
        "{p.addr}, e-mail {p.email}.",
        countries=("PL",),
    ),
    # ------------------------------------------------------------ Turkish
    T(
        "ticket",
        "Şikayet: {p.title} siparişi ({order}) {appt} tarihinde teslim edilmedi. Adres: "
        "{p.addr}. Telefon: {p.phone}. TC Kimlik No {p.natid}.",
        countries=("TR",),
    ),
    T(
        "chat",
        "merhaba {p.firstl} hanım/bey, kargonuz yolda. teslimat adresi {p.street} doğru mu? "
        "sorun olursa {a.phone} arayın",
        lower=True,
        countries=("TR",),
    ),
    # ------------------------------------------------------------ Nordic
    T(
        "email",
        "Hej {p.first},\n\ntack för din beställning {order}. Vi skickar varorna till "
        "{p.addr}. Frågor? Ring {a.phone}.\n\nVänliga hälsningar\n{a.full}",
        countries=("SE",),
    ),
    T(
        "ticket",
        "Henvendelse fra {p.full} ({p.dob_cue}), {p.addr}. Ønsker refusjon på {amount} til "
        "konto {p.iban}. Saksnr {ticket}.",
        countries=("NO", "DK"),
    ),
    T(
        "hr",
        "Jäsenhakemus: {p.lastfirst}, syntymäaika {p.dob}, osoite {p.addr}, puh. {p.phone}, "
        "sähköposti {p.email}.",
        countries=("FI",),
    ),
    T(
        "email",
        "Kære kunde, vi holder lukket {appt} på grund af flytning til {city}. Ordrer via "
        "{domain} sendes {weekday}. Venlig hilsen {company}",
        countries=("DK",),
        clean=True,
    ),
    # ------------------------------------------------------------ Czech / Hungarian / Romanian
    T(
        "ticket",
        "Reklamace č. {ticket}: zákazník {p.full}, {p.dob_cue}, bytem {p.addr}, tel. "
        "{p.phone}. Vadný {product}, žádá vrácení {amount}.",
        countries=("CZ",),
    ),
    T(
        "hr",
        "Tagfelvételi lap\nNév: {p.full}\nSzületési idő: {p.dob}\nLakcím: {p.addr}\nTelefon: "
        "{p.phone}\nE-mail: {p.email}",
        countries=("HU",),
    ),
    T(
        "ticket",
        "Sesizare: doamna/domnul {p.full}, CNP {p.natid}, domiciliat(ă) în {p.addr}, reclamă "
        "factura {invoice} din {appt}. Telefon {p.phone}.",
        countries=("RO",),
    ),
    # ------------------------------------------------------------ Greek romanised
    T(
        "chat",
        "geia sou {p.firstl}! o {q.firstl} eipe na sou steilo to tilefono tou: {q.phone}. "
        "menei stin {q.street}",
        lower=True,
        countries=("GR",),
    ),
    T(
        "ticket",
        "Parapono / complaint: {p.full}, AMKA {p.natid}, odos {p.street}, TK {p.pc_city}. "
        "Den irthe o texnikos stis {appt}.",
        countries=("GR",),
    ),
    # ------------------------------------------------------------ Indonesian / Vietnamese
    T(
        "ticket",
        "Keluhan pelanggan: Bapak/Ibu {p.full}, {p.dob_cue}, alamat {p.addr}, no. HP "
        "{p.phone}. Paket {tracking} belum diterima sejak {appt}.",
        countries=("ID",),
    ),
    T(
        "ticket",
        "Phiếu yêu cầu: khách hàng {p.full}, {p.dob_cue}, địa chỉ {p.addr}, SĐT {p.phone}, "
        "email {p.email}. Đơn hàng {order} giao trễ.",
        countries=("VN",),
    ),
    T(
        "chat",
        "chào {p.firstl}, mình là {q.firstl}. số mình {q.phone}, khi nào tới {q.street} thì "
        "gọi nha",
        lower=True,
        countries=("VN",),
    ),
]
TEMPLATES += [
    # ------------------------------------------------------------ tables, signatures, lists
    T(
        "ticket",
        "| field | value |\n|---|---|\n| holder | {p.full} |\n| born | {p.dob} |\n| mobile | "
        "{p.phone} |\n| iban | {p.iban} |\n| case | {ticket} |",
    ),
    T(
        "log",
        "name;street;postcode_city;phone;created\n{p.lastfirst};{p.street};{p.pc_city};"
        "{p.phone};{ts}\n{q.lastfirst};{q.street};{q.pc_city};{q.phone};{ts2}",
    ),
    T(
        "log",
        "sku;qty;price;updated\n{sku};{n};{amount};{ts}\n{sku2};{nn};{amount2};{ts2}\n"
        "# export by job {uuid}",
        clean=True,
    ),
    T(
        "email",
        "Cheers,\n{p.first}\n\n--\n{p.full}\n{p.url}\n{p.phone}\n(please excuse typos, dictated)",
    ),
    T(
        "email",
        "Best wishes / Mit besten Grüßen\n{p.initial}\nAccounts Payable\n{company}\n"
        "Tel {a.phone}  |  {a.email_work}",
    ),
    T(
        "ticket",
        "Contacts for the site visit on {appt}:\n- {p.full}, facilities, {p.phone}\n- "
        "{q.full}, security, {q.phone}\n- {r.initial}, catering (no phone yet)",
    ),
    T(
        "ticket",
        "Escalation list: 1) {p.lastfirst} 2) {q.caps} 3) on-call rota at {example}. Runbook "
        "{version}, incident {ticket}.",
    ),
    # ------------------------------------------------------------ chat, lower case, SMS
    T(
        "chat",
        "ok so {p.firstl} said the keys are with {q.firstl} at {q.street}, just ring the bell. "
        "if nobody's there text {q.phone}",
        lower=True,
    ),
    T(
        "chat",
        "[{time}] {p.firstl}: anyone have {q.firstl}'s new email?\n[{time2}] {r.firstl}: "
        "{q.email}\n[{time2}] {p.firstl}: ty",
        lower=True,
    ),
    T(
        "chat",
        "SMS from {p.phone}: Hi, this is {p.first}, your neighbour from {p.street}. Your parcel "
        "from {company} is with me, come by after {time}.",
    ),
    T(
        "chat",
        "SMS: Your verification code is {nn}{n}. Do not share it. If you did not request it, "
        "call us on {badphone}. -{company}",
        clean=True,
    ),
    T(
        "chat",
        "Agent: Can I have the card number for the refund?\nCustomer: {p.card}\nAgent: And "
        "the name as printed?\nCustomer: {p.caps}\nAgent: Thank you, refund of {amount} issued.",
    ),
    T(
        "chat",
        "{p.full} joined the group\n{p.first}: hi everyone, moved here from "
        "{x.country}. my insta is {p.url}\n{q.first}: welcome!!",
    ),
    T(
        "chat",
        "lol no, {p.firstl}'s birthday is {p.dob}, not in {month}. we're doing drinks at "
        "{company} on {weekday}",
        lower=True,
    ),
    T(
        "chat",
        "group chat 'Book club': next meeting {weekday} {time}, we read '{product}' (ISBN "
        "{isbn}). bring snacks!",
        clean=True,
    ),
    # ------------------------------------------------------------ IPs, URLs, logs
    T(
        "log",
        '{ts} auth WARN login_failed user={p.email_plain} src={p.ip} ua="{software}/{version}"'
        "\n{ts2} auth INFO login_ok user={p.email_plain} src={p.ip6}",
    ),
    T(
        "log",
        "{ts} gateway 502 upstream=10.0.{n}.{nn} retry={n2} build={build} trace={uuid}",
        clean=True,
    ),
    T(
        "log",
        "audit: export of customer {p.full} (dob {p.dob}) by {a.email_work} from {a.ip}, "
        "{nn} rows, ticket {ticket}",
    ),
    T(
        "log",
        '{ts} webhook POST /v1/profile body={"name": "{p.full}", "tel": "{p.phone}"} status=200',
    ),
    T(
        "ticket",
        "Abuse report: spam sent from {p.ip} (residential line of subscriber {p.full}, "
        "{p.addr}) to {nn} addresses. Not to be confused with our scanner at {badip}.",
    ),
    T(
        "ticket",
        "Shared folder audit: {p.url} is public and contains the CV of {p.full}. Owner "
        "{p.email}. Please restrict. Checked with tool {version}.",
    ),
    T(
        "ticket",
        "The link in the newsletter points to {example} instead of {domain}. Campaign {uuid}, "
        "sent {appt} to {nn} subscribers. Please fix the template.",
        clean=True,
    ),
    # ------------------------------------------------------------ decoy-heavy with PII
    T(
        "financial",
        "Payment failed: IBAN {badiban} was rejected (check digits). Customer {p.full} then "
        "gave the correct one, {p.iban}. Mandate {invoice}, amount {amount}.",
    ),
    T(
        "financial",
        "Card on file for {p.lastfirst}: {p.card} (valid). Test card {badcard} removed from "
        "profile. Last login {ts} from {p.ip}.",
    ),
    T(
        "ticket",
        "ID check for {p.full}: first number typed {badid} fails validation; second attempt "
        "{p.natid} passes. DOB on document {p.dob}.",
    ),
    T(
        "ticket",
        "Phone field cleanup: {p.full} had '{badphone}' stored, replaced with {p.phone_intl} "
        "after callback on {appt}. Order {order}.",
    ),
    T(
        "ticket",
        "Please do not reply to {placeholder_email}; write to {p.email} instead. Dependencies "
        "pinned: {pkg}. - {p.first}",
    ),
    T(
        "ticket",
        "Sender blocked: {p.full} keeps getting mail meant for {eponym} Foundation at "
        "{p.email_plain}. Ticket {ticket}, OID {oid}.",
    ),
    T(
        "ticket",
        "Data quality report {appt}: {nn} records with placeholder e-mail {placeholder_email}, "
        "{n} IBANs like {badiban} failing checksum, {n2} card numbers like {badcard}, "
        "phone fields like {badphone}, ids like {badid}.",
        clean=True,
    ),
    T(
        "ticket",
        "Firmware rollout: controllers at {badip} and OID {oid} report {version}, target "
        "{winbuild}. Maintenance window {appt} {time}.",
        clean=True,
    ),
    # ------------------------------------------------------------ surname-first / initials
    T(
        "hr",
        "Interview panel {appt}: candidate {p.caps}; interviewers {a.initial} and {q.initial}. "
        "Candidate's portfolio: {p.url}. Reference from {r.full}, {r.email}.",
    ),
    T(
        "hr",
        "Payroll correction: employee {p.lastfirst}, personal no. {order}, was paid {amount} "
        "to the old account {q.iban}; correct account {p.iban}.",
    ),
    T(
        "hr",
        "Performance review notes for {p.initial} ({p.he} joined {appt}): strong on {software}. "
        "Manager {a.full}. Next review {appt2}.",
    ),
    T(
        "hr",
        "Training schedule Q{n}: {software} basics ({appt}), fire safety ({appt2}), GDPR "
        "refresher online. Room bookings via {domain}.",
        clean=True,
    ),
    # ------------------------------------------------------------ cross-country
    T(
        "email",
        "Hello {x.first},\n\nI'm {p.full}, {q.full}'s colleague. {q.first} asked me to "
        "send you the contract. My direct line is {p.phone_intl}.\n\nBest,\n{p.first}",
    ),
    T(
        "ticket",
        "International transfer query: sender {p.full} ({p.iban}) to beneficiary {x.full}, "
        "{x.addr}. Bank asks for beneficiary phone: {x.phone_intl}. Ref {invoice}.",
    ),
    T(
        "chat",
        "{x.first}: is this {p.first}? we met at the {company} conference\n{p.first}: yes! "
        "hi\n{x.first}: here's my email {x.email}, send me the slides",
    ),
    # ------------------------------------------------------------ JSON
    J(
        "json",
        {
            "event": "profile.updated",
            "at": "{ts}",
            "user": {"name": "{p.full}", "email": "{p.email_plain}", "phone": "{p.phone}"},
            "changes": ["address"],
            "new_address": "{p.addr}",
            "client": {"ip": "{p.ip}", "app": "{version}"},
        },
    ),
    J(
        "json",
        {
            "ticket": "{ticket}",
            "channel": "app_review",
            "rating": 1,
            "text": "refund never came. {p.full}, {p.email}",
            "app_version": "{build}",
        },
    ),
    J(
        "json",
        {
            "manifest": "{order}",
            "items": [
                {"consignee": "{p.caps}", "address": "{p.addr_caps}", "awb": "{dhl}"},
                {"consignee": "{q.caps}", "address": "{q.addr_caps}", "awb": "{ups}"},
            ],
        },
    ),
    J(
        "json",
        {
            "resourceType": "Patient",
            "name": [{"text": "{p.full}"}],
            "birthDate": "{p.dob}",
            "telecom": [{"system": "phone", "value": "{p.phone}"}],
            "address": [{"text": "{p.addr}"}],
            "meta": {"versionId": "{n}", "lastUpdated": "{ts}"},
        },
    ),
    J(
        "json",
        {
            "type": "chat_transcript",
            "messages": [
                {"from": "bot", "text": "How can I help?"},
                {"from": "user", "text": "my card {p.card} was charged twice"},
                {"from": "bot", "text": "Sorry, {p.first}. Case {ticket} opened."},
            ],
        },
    ),
    J(
        "json",
        {
            "guest": {"surname": "{p.last}", "given": "{p.first}", "dob": "{p.dob}"},
            "stay": {"arrival": "{appt}", "departure": "{appt2}", "room": "{nn}"},
            "payment": {"iban": "{p.iban}"},
        },
    ),
    J(
        "json",
        {
            "report_id": "{uuid}",
            "reporter": {"handle": "{p.user}", "email": "{p.email}"},
            "reported": {"profile": "{q.url}", "last_ip": "{q.ip6}"},
            "reason": "harassment",
        },
    ),
    J(
        "json",
        {
            "applicant": {"name": "{p.formal}", "national_id": "{p.natid}", "dob": "{p.dob}"},
            "sponsor": {"name": "{q.full}", "address": "{q.addr}"},
            "status": "pending",
        },
    ),
    J(
        "json",
        {
            "order": "{order}",
            "status": "shipped",
            "carrier": "{tracking}",
            "items": [{"sku": "{sku}", "qty": "{n}", "price": "{amount}"}],
            "shop": "{domain}",
        },
        clean=True,
    ),
    J(
        "json",
        {
            "service": "{software}",
            "version": "{version}",
            "build": "{build}",
            "deployed": "{ts}",
            "node": "{badip}",
            "commit": "{githash}",
        },
        clean=True,
    ),
    J(
        "json",
        {
            "survey": "csat-{nn}",
            "answers": [
                {"q": "What did you like?", "a": "fast delivery to {city}"},
                {"q": "Anything else?", "a": "the {product} was great"},
            ],
            "submitted": "{ts}",
        },
        clean=True,
    ),
    J(
        "json",
        {
            "member": {"name": "{p.lastfirst}", "born": "{p.dob}", "mobile": "{p.phone}"},
            "plan": "annual",
            "card_on_file": "{p.card}",
            "ref_code": "{sku}",
        },
    ),
    J(
        "json",
        {
            "issue": "{ticket}",
            "comments": [
                {"author": "{a.user}", "body": "@{p.user} please attach logs"},
                {"author": "{p.user}", "body": "done, I'm {p.full}, reach me at {p.email_work}"},
            ],
        },
    ),
    T(
        "ticket",
        "Price change notice: from {appt} the {product} costs {amount} (was {amount2}). "
        "Stock in {city}: {nn} units. Supplier {company}, catalogue ref {sku}.",
        clean=True,
    ),
    T(
        "email",
        "Estimado cliente: su pedido {order} ha sido enviado desde {city}. Fecha estimada de "
        "entrega: {appt}. Consulte el estado en {domain}. Atentamente, {company}",
        countries=ES,
        clean=True,
    ),
    T(
        "chat",
        "Bot: The {company} app {version} is now available. New: dark mode, faster sync.\n"
        "User: does it work on {software}?\nBot: Yes, from build {winbuild} onwards.",
        clean=True,
    ),
]
