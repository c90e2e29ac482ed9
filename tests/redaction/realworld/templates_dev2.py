"""Templates for the second development set (dev2.jsonl). See render.py for the slot syntax.

Written after the engine had been tuned on templates_dev.py, from new sentence skeletons
(other writers, other situations), so tuning can reach more kinds of text. Never derived
from the held-out templates.
"""

from __future__ import annotations

from tmpl import J, T

DE = ("DE", "AT", "CH")
FR = ("FR", "BE", "CH")
ES = ("ES", "MX", "AR")
PT = ("PT", "BR")
NL = ("NL", "BE")
SCAN = ("SE", "NO", "DK")
EN = ("GB", "US", "IE", "AU", "CA", "NG", "GH", "ZA", "KE", "IN", "PH")

TEMPLATES = [
    # ------------------------------------------------------------------ insurance claims
    T(
        "ticket",
        "CLAIM NOTIFICATION\nPolicy holder: {p.caps}\nRisk address: {p.addr_caps}\n"
        "Date of loss: {appt}\nCause: burst pipe under the kitchen sink, water through to the "
        "flat below. Loss adjuster visit requested. Claim ref {ticket}.",
    ),
    T(
        "ticket",
        "Our insured, {p.formal}, was rear-ended at a red light on {appt}. Third party "
        "driver gave the name {x.full} and a phone number that turned out to be {badphone}. "
        "Repair estimate {amount}; please open a subrogation file under {ticket}.",
    ),
    T(
        "email",
        "To whom it may concern,\n\nI am writing on behalf of my mother, {pf.full} "
        "({pf.dob_cue}), whose travel insurance claim {ticket} has been pending for {nn} days. "
        "She was hospitalised in {city} and all receipts were uploaded in {month}. Please reply "
        "to me directly at {q.email}.\n\nYours faithfully\n{q.full}",
    ),
    T(
        "financial",
        "Claim payout authorised by {a.initial} (team lead). Beneficiary {p.lastfirst}, "
        "account {p.iban}. Amount {amount}. Deductible already applied; invoice {invoice}.",
    ),
    T(
        "ticket",
        "Windscreen replacement booked for {weekday} {time} at the policy address. Vehicle "
        "belongs to {p.first} {p.last}; the glazier will ring {p.phone_nat} half an hour ahead. "
        "Part number {sku}.",
    ),
    # ------------------------------------------------------------------ airline / hotel
    T(
        "email",
        "Dear {company} customer relations,\n\nFlight on {appt} was cancelled with four hours' "
        "notice and my bag is still missing (tag {dhl}). The passengers on the booking were "
        "myself, my husband {qm.full} and our daughter {r.first}. Compensation should go to "
        "{p.iban}.\n\nRegards, {pf.full}",
        countries=("DE", "FR", "ES", "IT", "NL", "PL", "PT", "AT", "BE", "GB", "IE", "SE"),
    ),
    T(
        "ticket",
        "Front desk note, room 412: guest {p.title} complained twice about noise from the bar. "
        "Offered late checkout. Card on file {p.card} (preauth {amount}). Home address for "
        "the folio: {p.addr}.",
    ),
    T(
        "chat",
        "[guest] hello the safe in my room won't open and my passport is inside\n"
        "[reception] So sorry! Which room and name please?\n[guest] 1207, {p.fulll}\n"
        "[reception] Thanks {p.firstl}, maintenance is on the way",
        lower=True,
    ),
    T(
        "email",
        "Booking {order} - name correction\n\nThe ticket was issued as {p.caps} but the passport "
        "reads {p.formal}. Date of birth on the passport: {p.dob}. Could you correct it without "
        "a change fee? Thank you.",
    ),
    T(
        "ticket",
        "Review (2/5 stars) by a verified guest, stayed {month}: breakfast was cold and the "
        "shower leaked. Staff member {a.first} at reception was lovely though. Booking code "
        "{sku}.",
    ),
    # ------------------------------------------------------------------ bank fraud
    T(
        "financial",
        "FRAUD REPORT {ticket}\nReported by: customer by phone\nCustomer: {p.lastfirst}\n"
        "Card: {p.card}\nDisputed: {amount} at an online electronics shop, {ts}\nCustomer "
        "still has the card. Blocked and reissued; new card goes to {p.addr}.",
    ),
    T(
        "financial",
        "Someone pretending to be from the bank rang {p.full} and talked {p.him} into moving "
        "{amount} to {x.iban}. The mule account holder is listed as {x.full}. Recall request "
        "sent; our reference {invoice}.",
    ),
    T(
        "chat",
        "Bot: Please describe the transaction you don't recognise.\nUser: theres a payment "
        "to {company} i never made, my name is {p.full}\nBot: Thanks. For security, what is "
        "your date of birth?\nUser: {p.dob}\nBot: Thanks, transferring you to an agent.",
    ),
    T(
        "financial",
        "Suspicious login alert reviewed. Session from {p.ip} (device {winbuild}) matched the "
        "usual pattern for {p.initial}; dismissed by analyst {a.first}. Alert id {uuid}.",
    ),
    T(
        "financial",
        "Transaction monitoring: incoming {amount} from {badiban} rejected (check digits fail). "
        "Sender name field empty. Batch {invoice} otherwise processed normally.",
        clean=True,
    ),
    # ------------------------------------------------------------------ telecom support
    T(
        "chat",
        "Agent: Thanks for waiting. Am I speaking with the account holder?\n"
        "Customer: yes, {p.full}\nAgent: Could you confirm the number on the account?\n"
        "Customer: {p.phone}\nAgent: And the first line of the billing address?\n"
        "Customer: {p.street}",
        countries=EN,
    ),
    T(
        "ticket",
        "SIM swap request REJECTED. Caller claimed to be {p.formal} but could not give the "
        "PUK or the date of birth (gave {appt}, record shows {p.dob}). Line {p.phone_intl} "
        "flagged for 72h.",
    ),
    T(
        "ticket",
        "Fibre install {ticket}: engineer couldn't get access, nobody home at {p.street}, "
        "{p.pc_city}. Left card. Rebook via {domain}. Router firmware {version}.",
    ),
    T(
        "chat",
        "sorry to bother again but my internet keeps dropping every evening around 9 . "
        "modem says firmware {build} . account is under my wife {qf.fulll} not me",
        lower=True,
    ),
    T(
        "log",
        "{ts} radius-auth OK user={p.user} nas=bras-07 framed-ip={p.ip} session=0x{githash}\n"
        "{ts2} radius-acct STOP user={p.user} in_octets=991230 out_octets=118220",
    ),
    # ------------------------------------------------------------------ school / university
    T(
        "email",
        "Dear parents,\n\nA reminder that the Year 9 trip to {city} leaves on {appt}. "
        "Consent forms still missing for: {p.full}, {q.full}, {r.first} {r.last}. Please "
        "return them to the school office by {weekday}.\n\nMs {a.last}, Head of Year",
        countries=EN,
    ),
    T(
        "hr",
        "ENROLMENT FORM\nSurname: {p.last}\nGiven names: {p.first}\nDate of birth: {p.dob}\n"
        "Home address: {p.addr}\nParent/guardian: {q.full}, {q.phone}\nPrevious school: "
        "{company} Academy",
    ),
    T(
        "email",
        "Hi Prof. {a.last},\n\nsorry for the late submission of the thesis chapter. I had "
        "the flu the whole week. Student number {sku}. Could I have until {weekday}?\n\n"
        "best, {p.first}",
    ),
    T(
        "hr",
        "Transcript request processed for graduate {p.lastfirst} (matriculated {month} 2009, "
        "born {p.dob}). Sent by registered post to {p.addr}. Fee {amount} received.",
    ),
    T(
        "chat",
        "#cs101-help\n{p.firstl}: does anyone know if the lab on {weekday} is still on?\n"
        "{a.firstl} (TA): yes, room 2.14, bring your laptops\n{q.firstl}: thx",
        lower=True,
    ),
    T(
        "hr",
        "Exam board minutes, {month}. Present: {a.initial} (chair), {s.full}, {r.title}. "
        "Item 3: mitigating circumstances for candidate {p.full} accepted; resit in {month2}.",
    ),
    # ------------------------------------------------------------------ landlord / tenant
    T(
        "email",
        "Hi {p.first},\n\nthe boiler engineer can come {weekday} between 8 and 12. If that "
        "doesn't work, text me on {a.phone}. Rent for {month} is still outstanding, please "
        "transfer to the usual account.\n\nCheers\n{a.full}",
    ),
    T(
        "ticket",
        "Tenancy ending. Outgoing tenants: {p.full} and {q.full}. Forwarding address given: "
        "{p.addr}. Deposit {amount} to be returned once the inspection on {appt} is done.",
    ),
    T(
        "email",
        "Notice to quit\n\nTo: {p.formal}\nProperty: {p.addr_nl}\n\nYou are required to give "
        "up possession of the property on or before {appt}. Arrears stand at {amount}.\n\n"
        "Signed, {a.full} (landlord)",
    ),
    T(
        "chat",
        "landlord: hi is the leak under the bath fixed\ntenant: not yet the plumber "
        "{a.firstl} said hes coming tomorrow\nlandlord: ok tell him to ring me",
        lower=True,
    ),
    T(
        "ticket",
        "Letting agency note: viewing at {time} for flat 3B, {city}. Applicant earns {amount} "
        "per year, references pending. No pets. Listing id {sku}.",
        clean=True,
    ),
    # ------------------------------------------------------------------ doctor referral / clinical
    T(
        "clinical",
        "Dear Colleague,\n\nRe: {p.formal}, {p.dob_cue}, {p.addr}. Three months of "
        "exertional chest tightness, "
        "ECG attached. I would be grateful for your opinion.\n\nYours sincerely\nDr {a.last}",
    ),
    T(
        "clinical",
        "Discharge summary\nPatient: {p.caps}\nDOB {p.dob}\nAdmitted {appt}, discharged "
        "{appt2}\nDiagnosis: community-acquired pneumonia\nFollow-up with GP, Dr {a.full}. "
        "Next of kin: {q.full} ({q.phone}).",
    ),
    T(
        "clinical",
        "pt seen in clinic today with {p.his} daughter {qf.first}. bp 142/88. bloods "
        "{appt}. name on file {p.lastfirst}, born {p.dob}.",
    ),
    T(
        "clinical",
        "Radiology request: CT abdomen with contrast. Requesting clinician {a.title}. Patient "
        "{p.initial}, MRN {badid}, allergy to iodine contrast? Please check with {p.him} "
        "first. Study UID {oid}.",
    ),
    T(
        "clinical",
        "Physiotherapy letter. {p.first} has attended {n} sessions for the left knee and "
        "is making good progress. Please send further correspondence to {p.street}, "
        "{p.pc_city}.",
    ),
    T(
        "clinical",
        "Clinic list {weekday} {appt}: 09:00 new patient, 09:30 review, 10:00 cancelled, "
        "10:30 dressing change. Room 4, Dr on call via switchboard. Eponymous test: "
        "{eponym} sign documented.",
        clean=True,
    ),
    T(
        "clinical",
        "Überweisung an Orthopädie\nPatientin: {pf.title}, {pf.dob_cue}\nAnschrift: "
        "{pf.addr}\nDiagnose: Gonarthrose rechts. Mit freundlichen Grüßen, {a.title}",
        countries=DE,
    ),
    T(
        "clinical",
        "Lettre d'adressage. Je vous adresse {p.title}, {p.dob_cue}, domicilié(e) {p.addr}, "
        "pour avis cardiologique. Confraternellement, Dr {a.last}",
        countries=FR,
    ),
    # ------------------------------------------------------------------ pharmacy
    T(
        "clinical",
        "Rx ready for collection: {p.initial} - amoxicillin 500mg x21. Collected by "
        "{q.first} (partner), ID checked. Batch {sku}, exp {appt}.",
    ),
    T(
        "chat",
        "SMS from pharmacy: Hi {p.first}, your repeat prescription is ready at our "
        "{city} branch. Reply STOP to opt out. Ref {order}",
    ),
    T(
        "clinical",
        "Pharmacy stock note: paracetamol 500 mg out of stock until {appt}; supplier "
        "{company} confirmed. Fridge temperature logged 4.1 C at {time}.",
        clean=True,
    ),
    T(
        "clinical",
        "Interaction check flagged for patient born {p.dob}: warfarin + clarithromycin. "
        "Prescriber {a.title} contacted and switched to doxycycline. Patient name {p.full}.",
    ),
    # ------------------------------------------------------------------ HR onboarding / recruiting
    T(
        "hr",
        "Welcome aboard! Your buddy for the first month is {a.first} from the data team. "
        "Laptop will be couriered to {p.addr}. Please bring your passport on day one, "
        "{p.first}.",
    ),
    T(
        "hr",
        "NEW HIRE CHECKLIST\n[x] contract signed - {p.full}\n[x] tax id {p.natid}\n[ ] bank "
        "details ({p.iban})\n[ ] badge photo\nStart date: {appt}\nManager: {a.full}",
    ),
    T(
        "email",
        "Hi {p.first},\n\nI came across your profile ({p.url}) and think you'd be a great fit "
        "for a senior backend role at {company}. Fully remote, {amount} base. Open to a "
        "15-minute call this week?\n\n{a.full} | Talent Partner",
    ),
    T(
        "chat",
        "recruiter: hey! saw ur cv, still looking?\ncandidate: maybe, who is this\n"
        "recruiter: {a.fulll} from {company}, got a contract role, 6 months\ncandidate: "
        "send details to {p.email}",
        lower=True,
    ),
    T(
        "hr",
        "Reference check for {p.full}: spoke to former manager {q.full}, who confirmed dates "
        "of employment and would re-hire. Concerns: none. Checked by {a.initial}.",
    ),
    T(
        "hr",
        "Offer approved by {a.full} on {appt}. Candidate: {p.lastfirst}. Salary band 4, "
        "{amount}. Relocation from {p.city}.",
    ),
    T(
        "hr",
        "Headcount plan Q3: 4 engineers, 2 designers, 1 product manager; budget {amount}. "
        "Interviews through {company}; ATS version {version}.",
        clean=True,
    ),
    T(
        "hr",
        "Personalfragebogen\nName, Vorname: {p.lastfirst}\nGeburtsdatum: {p.dob}\nAnschrift: "
        "{p.addr}\nSteuer-ID: {p.natid}\nBankverbindung: {p.iban}",
        countries=("DE",),
    ),
    T(
        "hr",
        "Dados do colaborador\nNome completo: {p.formal}\nData de nascimento: {p.dob}\n"
        "Morada: {p.addr}\nContacto: {p.phone}",
        countries=PT,
    ),
    # ------------------------------------------------------------------ courier / WhatsApp
    T(
        "chat",
        "[{time}] Courier: Hi im outside with ur parcel {tracking}, nobody answering the bell\n"
        "[{time2}] {p.first}: sorry!! leave it with {q.first} next door pls\n"
        "[{time2}] Courier: ok done, photo sent",
    ),
    T(
        "chat",
        '‎{p.fulll} changed the group name to "Moving day 🚚"\n{p.firstl}: van comes at 8, '
        "new place is {p.street}\n{q.firstl}: 👍 ill bring boxes",
        lower=True,
    ),
    T(
        "chat",
        "Driver msg: cant find the house, sat nav says {p.pc_city}. is it the one with the "
        "blue door? call me {a.phone}",
    ),
    T(
        "ticket",
        "Delivery exception {tracking}: consignee {p.caps} refused the parcel (damaged box). "
        "Returning to sender {company}. Scan {ts}.",
    ),
    T(
        "log",
        "{ts} DEPOT SCAN hub=CGN-2 piece={dhl} status=OUT_FOR_DELIVERY route=R14\n"
        "{ts2} DEPOT SCAN hub=CGN-2 piece={dhl} status=DELIVERED sig=neighbour",
        clean=True,
    ),
    # ------------------------------------------------------------------ customer reviews
    T(
        "email",
        "★☆☆☆☆ Terrible. Ordered the {product} on {appt}, arrived broken, and support (a "
        "certain {a.first}) just kept sending the same macro. Order {order}. Never again.",
    ),
    T(
        "ticket",
        '★★★★★ "Fast shipping, exactly as described. The {product} works with {software} out '
        'of the box." - verified buyer, {city}',
        clean=True,
    ),
    T(
        "ticket",
        "Review reply from the owner: Thank you {p.first}! We're glad you enjoyed the tasting "
        "menu. Hope to see you and {q.first} again soon. - {a.full}, {company}",
    ),
    T(
        "chat",
        "Product Q&A\nQ: does this fit the 2019 model? asked by {p.initial}\nA: Yes, we "
        "tested it with firmware {version}. - {company} support",
    ),
    # ------------------------------------------------------------------ CRM notes
    T(
        "ticket",
        "CRM note {ts}: Called {p.full} re renewal. {p.he_c} wants a discount before "
        "committing; escalate to {a.first}. Decision maker is actually {q.title}.",
    ),
    T(
        "ticket",
        "Lead: {company} (manufacturing, ~{nn} staff). Contact: {p.title}, procurement. "
        "Email {p.email_work}, direct {p.phone}. Source: trade fair in {city}.",
    ),
    T(
        "ticket",
        "Account {p.user} merged into {q.user}. Both belonged to {p.lastfirst}. Duplicate "
        "created by import job {uuid}.",
    ),
    T(
        "ticket",
        "Pipeline review: {company} stuck in legal since {month}; {company2} moved to "
        "closed-won ({amount}). Forecast unchanged. Export {invoice}.",
        clean=True,
    ),
    # ------------------------------------------------------------------ call-centre transcripts
    T(
        "chat",
        "AGENT: thank you for calling this is {a.first} how can I help\nCALLER: hi yes I'm "
        "calling about my late father's account his name was {pm.full}\nAGENT: I'm sorry for "
        "your loss, may I take your name\nCALLER: {q.full}",
    ),
    T(
        "chat",
        "Speaker 1: ... so the postcode is {p.pc_city}\nSpeaker 2: and the house number?\n"
        "Speaker 1: it's {p.street}\nSpeaker 2: lovely, and who am I speaking to?\n"
        "Speaker 1: {p.title}",
    ),
    T(
        "chat",
        "[00:00:04] Operator: Emergency plumbing, what's the address?\n[00:00:07] Caller: "
        "{p.addr}\n[00:00:15] Operator: And your name?\n[00:00:17] Caller: {p.first}, "
        "{p.first} {p.last}",
    ),
    T(
        "chat",
        "transcript: yes hello my name is {p.fulll} l-a-s-t name as it sounds my date of birth "
        "is {p.dob_en} and i want to cancel the gym membership",
        lower=True,
    ),
    T(
        "chat",
        "Agent: Is there anything else?\nCaller: No that's all, thanks.\nAgent: Your reference "
        "is {ticket}. Have a good {weekday}!",
        clean=True,
    ),
    # ------------------------------------------------------------------ forum posts
    T(
        "email",
        "Re: [SOLVED] Laptop fan noise after {winbuild} update\n\nQuote from {p.user}: try "
        "rolling back the BIOS.\n\nThat worked, thanks! For anyone else: BIOS {build}, driver "
        "{version}.",
        clean=True,
    ),
    T(
        "email",
        "Posted by {p.user} in Local Buy & Sell\nSelling a {product}, barely used, "
        "{amount}. Pick-up only from {p.street}. WhatsApp {p.phone}.",
    ),
    T(
        "email",
        "Thread: Neighbour's hedge blocking the footpath\n\nShe (a {q.first} {q.last} at no. 12) "
        "says it's council land. Council says it's hers. Anyone dealt with this? I'm at "
        "{p.addr} if the council asks.",
    ),
    T(
        "email",
        "Forum rules reminder: do not post phone numbers or addresses. Posts breaking this will "
        "be removed. Example of a banned post: 'call me on {badphone}'. Mods: see {example}.",
        clean=True,
    ),
    # ------------------------------------------------------------------ meeting minutes
    T(
        "hr",
        "Minutes - residents' association, {weekday}\nAttendees: {p.full}, {q.full}, "
        "{r.initial}, {s.title}\nApologies: {x.full}\n1. Bin store: {q.first} to get quotes.\n"
        "2. AOB: none.",
    ),
    T(
        "hr",
        "Action items\n- {p.first}: send the revised budget to finance\n- {q.last}: book the "
        "venue in {city}\n- ALL: review the {software} migration plan ({version})",
    ),
    T(
        "hr",
        "Board meeting {appt}: quorum reached (5 of 7). Motion to approve accounts proposed "
        "by {p.title}, seconded by {q.title}, carried. Next meeting in {month}.",
    ),
    T(
        "hr",
        "Sprint retro {appt}\nWent well: release {version} shipped on time.\nTo improve: "
        "flaky tests in {software}.\nActions: add retries, owner TBD.",
        clean=True,
    ),
    # ------------------------------------------------------------------ Slack threads
    T(
        "chat",
        "{p.full} 10:42 AM\nanyone know why prod is throwing 502s?\n"
        "{q.firstl} 10:43 AM\nlooking. deploy {githash} went out at 10:30\n"
        "{p.full} 10:44 AM\nrollback pls",
    ),
    T(
        "chat",
        "@{p.firstl} can you take over {ticket}? {q.first} is out until {weekday}. "
        "customer is on {version}, repro steps in the thread",
    ),
    T(
        "chat",
        "Thread reply: +1 to what {p.full} said. Also cc {q.title} since {q.he} owns the "
        "billing service. :eyes:",
    ),
    T(
        "chat",
        "🎉 Please welcome {p.full} who joins the platform team today! {p.he_c} was previously "
        "at {company}. Say hi in #general 👋",
    ),
    T(
        "chat",
        "#incidents: sev2 resolved. root cause: cert on lb-{n} expired. dependency "
        "{pkg} pinned. postmortem due {weekday}.",
        clean=True,
    ),
    # ------------------------------------------------------------------ SMS
    T(
        "chat",
        "SMS {ts}\nFrom: {p.phone}\nMum it's me, new number, lost my phone. can u send "
        "{amount} to {x.iban} asap, will explain later x",
    ),
    T(
        "chat",
        "Reminder: {p.first}, your appointment with Dr {a.last} is on {appt} at {time}. "
        "Reply Y to confirm.",
    ),
    T(
        "chat",
        "Your {company} verification code is {n}{nn}. Do not share it with anyone. "
        "If you didn't request it, ignore this message.",
        clean=True,
    ),
    T(
        "chat",
        "hey its {p.firstl} from the 3rd floor, think your package got delivered to me by "
        "mistake. name on it says {q.fulll}?",
        lower=True,
    ),
    # ------------------------------------------------------------------ voice-to-text
    T(
        "chat",
        "voice note transcript hi this is {p.fulll} calling about the quote for the roof "
        "repair at {p.street} you can reach me on {p.phone} thanks bye",
        lower=True,
    ),
    T(
        "clinical",
        "dictation patient {p.fulll} date of birth {p.dob} seen in the fracture clinic today "
        "cast removed full weight bearing review six weeks full stop",
        lower=True,
    ),
    T(
        "ticket",
        "voicemail from {p.fulll} says the dishwasher still isnt draining and engineer "
        "{a.firstl} never showed up please call back on {p.phone_nat}",
        lower=True,
    ),
    # ------------------------------------------------------------------ form dumps
    T(
        "ticket",
        "Field: Name | Value: {p.full}\nField: Email | Value: {p.email}\nField: Street | "
        "Value: {p.street}\nField: Postal code & city | Value: {p.pc_city}\nField: Consent | "
        "Value: yes",
    ),
    T(
        "ticket",
        "first_name={p.first}&last_name={p.last}&dob={p.dob}&phone={p.phone}&newsletter=0"
        "&utm_source={domain}",
    ),
    T(
        "ticket",
        "APPLICANT: {p.caps}\nD.O.B.: {p.dob}\nADDRESS: {p.addr_caps}\nSIGNATURE: "
        "(signed)\nDATE: {appt}",
    ),
    T(
        "financial",
        "KYC checklist\nFull legal name ............ {p.formal}\nDate of birth ............ "
        "{p.dob}\nResidential address ...... {p.addr}\nID document .............. "
        "{p.natid_name} {p.natid}\nPEP: no",
    ),
    T(
        "ticket",
        "Form: Product registration\nModel: {product}\nSerial: {sku}\nPurchase date: {appt}\n"
        "Retailer: {company}\nFirmware: {version}",
        clean=True,
    ),
    # ------------------------------------------------------------------ CSV-like lines
    T(
        "log",
        "id,name,email,city,signup\n{n},{p.full},{p.email_plain},{p.city},{ts}\n"
        "{nn},{q.full},{q.email_plain},{q.city},{ts2}",
    ),
    T(
        "financial",
        "date;description;amount;counterparty\n{appt};SEPA transfer;{amount};{p.lastfirst}\n"
        "{appt2};card payment {company};{amount2};",
    ),
    T(
        "log",
        '"{p.last}","{p.first}","{p.dob}","{p.street}","{p.pc_city}"',
    ),
    T(
        "log",
        "sku,title,qty,price\n{sku},{product},3,{amount}\n{sku2},{product2},1,{amount2}",
        clean=True,
    ),
    # ------------------------------------------------------------------ log lines
    T(
        "log",
        "{ts} WARN  auth.PasswordReset - reset mail sent to {p.email_plain} from {p.ip6} "
        "(ua=Mozilla/5.0, app {version})",
    ),
    T(
        "log",
        '[{ts}] nginx: {p.ip} - - "GET /profile/{p.user} HTTP/1.1" 200 5121 '
        '"-" "{software}/{build}"',
    ),
    T(
        "log",
        "{ts} ERROR billing.Charge failed for customer '{p.full}' card {badcard}: "
        "invalid number; retry scheduled",
    ),
    T(
        "log",
        "{ts} INFO  scheduler: job nightly-export finished in {nn}s, rows=48213, "
        "artifact={uuid}, host ip {badip}",
        clean=True,
    ),
    # ------------------------------------------------------------------ JSON: CRM / EHR / KYC
    J(
        "json",
        {
            "contact": {
                "name": {"given": "{p.first}", "family": "{p.last}"},
                "emails": [{"type": "home", "value": "{p.email}"}],
                "phones": [{"type": "mobile", "value": "{p.phone}"}],
            },
            "owner": "{a.full}",
            "lastActivity": "{ts}",
        },
    ),
    J(
        "json",
        {
            "resourceType": "Patient",
            "id": "{uuid}",
            "name": [{"use": "official", "text": "{p.formal}"}],
            "birthDate": "{p.dob}",
            "address": [{"line": ["{p.street}"], "text": "{p.pc_city}"}],
            "generalPractitioner": [{"display": "Dr {a.full}"}],
        },
    ),
    J(
        "json",
        {
            "kyc": {
                "status": "PENDING_REVIEW",
                "subject": {
                    "fullName": "{p.caps}",
                    "dateOfBirth": "{p.dob}",
                    "nationalId": "{p.natid}",
                },
                "reviewer": "{a.initial}",
                "checks": [{"name": "sanctions", "result": "clear", "at": "{ts}"}],
            }
        },
    ),
    J(
        "json",
        {
            "event": "order.created",
            "order": {"id": "{order}", "total": "{amount}"},
            "shipping": {"recipient": "{p.full}", "address": "{p.addr}"},
            "billing": {"same_as_shipping": True},
        },
    ),
    J(
        "json",
        {
            "ticket": "{ticket}",
            "messages": [
                {"from": "customer", "text": "hi, {p.first} here, still waiting on my refund"},
                {"from": "agent", "text": "Hi {p.first}, {a.first} here. It was sent on {appt}."},
            ],
        },
    ),
    J(
        "json",
        {
            "applicant": {"name": "{p.lastfirst}", "born": "{p.dob}"},
            "co_applicant": {"name": "{q.full}", "born": "{q.dob}"},
            "loan": {"amount": "{amount}", "term_months": 240},
            "iban": "{p.iban}",
        },
    ),
    J(
        "json",
        {
            "user": "{p.user}",
            "ip": "{p.ip}",
            "device": {"os": "Windows", "build": "{winbuild}"},
            "profile_url": "{p.url}",
        },
    ),
    J(
        "json",
        {
            "referral": {
                "from": "{a.title}",
                "to": "Dermatology",
                "patient": "{p.full}",
                "notes": "mole on {p.his} back changed shape, seen {appt}",
            }
        },
    ),
    J(
        "json",
        {
            "release": "{version}",
            "build": "{build}",
            "commit": "{githash}",
            "dependencies": ["{pkg}"],
            "docs": "{example}",
        },
        clean=True,
    ),
    J(
        "json",
        {
            "warehouse": "{city}",
            "inbound": [{"sku": "{sku}", "asn": "{invoice}", "eta": "{appt}"}],
            "carrier_ref": "{ups}",
        },
        clean=True,
    ),
    J(
        "json",
        {
            "data": {
                "attributes": {
                    "display_name": "{p.fulll}",
                    "contact_email": "{p.email_plain}",
                    "billing": {"card": "{p.card}", "brand": "{p.card_brand}"},
                }
            },
            "meta": {"request_id": "{uuid}"},
        },
    ),
    J(
        "json",
        {
            "claim": {"number": "{ticket}", "incident_date": "{appt}"},
            "claimant": {"name": "{p.title}", "phone": "{p.phone_intl}"},
            "witnesses": ["{q.full}", "{r.full}"],
        },
    ),
    # ------------------------------------------------------------------ multilingual
    T(
        "email",
        "Sehr geehrte Damen und Herren,\n\nhiermit kündige ich meinen Mobilfunkvertrag "
        "(Kundennummer {order}) fristgerecht. Die Rufnummer {p.phone} möchte ich mitnehmen.\n\n"
        "Mit freundlichen Grüßen\n{p.full}\n{p.street}\n{p.pc_city}",
        countries=DE,
    ),
    T(
        "chat",
        "Hallo zusammen, kurze Info: {p.first} ist ab {weekday} im Urlaub, Vertretung macht "
        "{q.full}. Bei Fragen zu Rechnung {invoice} bitte an {q.email_work}.",
        countries=DE,
    ),
    T(
        "ticket",
        "Schadenmeldung: Fahrrad am {appt} vor dem Haus gestohlen. Versicherungsnehmerin "
        "{pf.title}, wohnhaft {pf.addr}. Rahmennummer {sku}.",
        countries=DE,
    ),
    T(
        "email",
        "Madame, Monsieur,\n\nje conteste le prélèvement de {amount} du {appt}. Titulaire du "
        "compte : {p.full}, IBAN {p.iban}. Je vous prie d'agréer mes salutations distinguées."
        "\n{p.first} {p.last}",
        countries=FR,
    ),
    T(
        "chat",
        "coucou c'est {p.firstl}, t'as le numéro du plombier ? celui que {q.firstl} avait "
        "appelé l'an dernier",
        lower=True,
        countries=FR,
    ),
    T(
        "ticket",
        "Réclamation n° {ticket} : le colis adressé à {p.title}, {p.addr}, est revenu à "
        "l'expéditeur. Merci de recontacter la cliente au {p.phone}.",
        countries=FR,
    ),
    T(
        "email",
        "Estimado/a {p.title}:\n\nLe confirmamos la reserva para el {appt} a nombre de "
        "{p.full}. Dirección de facturación: {p.addr}.\n\nAtentamente,\n{a.full}\nRecepción",
        countries=ES,
    ),
    T(
        "chat",
        "oye {p.firstl} me pasas la dire de la fiesta?\nclaro es en casa de {q.firstl}, "
        "{q.street}\ngenial gracias",
        lower=True,
        countries=ES,
    ),
    T(
        "hr",
        "Acta de la reunión del {appt}. Asistentes: {p.full}, {q.full} y {r.title}. Se "
        "aprueba el presupuesto de {amount}. Firma el acta {a.full}.",
        countries=ES,
    ),
    T(
        "email",
        "Prezados,\n\nsolicito a segunda via do boleto referente a {month}. Titular: {p.formal}, "
        "CPF {p.natid}. Endereço: {p.addr}.\n\nObrigado,\n{p.first}",
        countries=("BR",),
    ),
    T(
        "chat",
        "olá {p.firstl}! o estafeta deixou a encomenda com a vizinha, a d. {qf.firstl}. "
        "qualquer coisa liga {a.phone}",
        lower=True,
        countries=("PT",),
    ),
    T(
        "email",
        "Gentile {p.title},\n\nLe comunichiamo che il rimborso della pratica {ticket} è stato "
        "disposto sull'IBAN {p.iban}. Cordiali saluti,\n{a.full}\nUfficio sinistri",
        countries=("IT",),
    ),
    T(
        "clinical",
        "Referto: paziente {p.caps}, {p.dob_cue}, residente in {p.addr}. Esame "
        "ecografico nella norma. Il medico refertante: Dott. {a.last}",
        countries=("IT",),
    ),
    T(
        "chat",
        "Hoi {p.first}, de monteur komt {weekday} tussen 8 en 12 uur naar {p.street}. "
        "Groet, {a.first} van de klantenservice",
        countries=NL,
    ),
    T(
        "hr",
        "Personeelsdossier\nAchternaam: {p.last}\nVoornamen: {p.first}\nGeboortedatum: "
        "{p.dob}\nBSN: {p.natid}\nAdres: {p.addr}",
        countries=("NL",),
    ),
    T(
        "ticket",
        "Zgłoszenie reklamacyjne {ticket}. Klientka {pf.full} (tel. {pf.phone}) twierdzi, że "
        "kurier zostawił paczkę pod drzwiami przy {pf.street}. Przekazano do {a.title}.",
        countries=("PL",),
    ),
    T(
        "hr",
        "Kwestionariusz osobowy: imię i nazwisko {p.full}, PESEL {p.natid}, {p.dob_cue}, "
        "adres zamieszkania {p.addr}.",
        countries=("PL",),
    ),
    T(
        "chat",
        "selam {p.firstl} abi, kargo {tracking} geldi mi? {q.firstl} hanım aradı, yarın "
        "uğrayacakmış",
        lower=True,
        countries=("TR",),
    ),
    T(
        "ticket",
        "Şikayet: {p.title} faturasına iki kez {amount} yansıdığını bildirdi. Adres: "
        "{p.addr}. TC Kimlik No {p.natid}. İlgili: {a.full}",
        countries=("TR",),
    ),
    T(
        "email",
        "Hej {p.first}!\n\nTack för din beställning {order}. Paketet skickas till {p.addr}. "
        "Hälsningar,\n{a.first} på kundtjänst",
        countries=("SE",),
    ),
    T(
        "hr",
        "Ansettelsesavtale mellom {company} og {p.full}, {p.dob_cue}, bosatt {p.addr}. "
        "Tiltredelse {appt}. Signert av {a.full}.",
        countries=("NO",),
    ),
    T(
        "chat",
        "Hej {p.first}, kan du hente pakken hos {q.first} {q.last}? Den ligger på {q.street}.",
        countries=("DK",),
    ),
    T(
        "ticket",
        "Reklamace č. {ticket}: zákazník {p.title} ({p.dob_cue}) žádá vrácení {amount}. "
        "Adresa: {p.addr}.",
        countries=("CZ",),
    ),
    T(
        "email",
        "Hyvä {p.first} {p.last},\n\nvuokrasopimuksesi osoitteessa {p.addr} päättyy {appt}. "
        "Terveisin, {a.full}",
        countries=("FI",),
    ),
    T(
        "ticket",
        "Sesizare {ticket}: domnul/doamna {p.full}, {p.dob_cue}, reclamă o factură dublă. "
        "Adresa: {p.addr}. Operator: {a.first}.",
        countries=("RO",),
    ),
    T(
        "chat",
        "Halo kak {p.first}, paketnya sudah sampai di {p.street} ya. Diterima oleh {q.first}. "
        "Terima kasih!",
        countries=("ID",),
    ),
    T(
        "email",
        "Kính gửi anh/chị {p.full},\n\nĐơn hàng {order} sẽ được giao tới {p.street} vào "
        "{appt}. Trân trọng, {company}",
        countries=("VN",),
    ),
    T(
        "ticket",
        "Liefertermin für Auftrag {order} verschoben auf {appt}. Grund: Lieferengpass bei "
        "{company}. Artikel {sku}, Firmware {version}.",
        clean=True,
        countries=DE,
    ),
    T(
        "email",
        "Bonjour, la maintenance du serveur {software} aura lieu le {appt} de 22h à 2h. "
        "Version cible {version}. Merci de votre compréhension, l'équipe {company}.",
        clean=True,
        countries=FR,
    ),
    T(
        "chat",
        "Recordatorio: la oficina de {city} cierra el {appt} por inventario. Pedidos "
        "{order} y posteriores saldrán el {weekday}.",
        clean=True,
        countries=ES,
    ),
    # ------------------------------------------------------------------ mixed, misc
    T(
        "email",
        "Fwd: Fwd: invoice\n\n---------- Forwarded message ---------\nFrom: {p.full} "
        "<{p.email_plain}>\nDate: {ts}\nTo: {q.email_plain}\n\nsee attached, {q.first}. "
        "invoice {invoice} for {amount}",
    ),
    T(
        "email",
        "Approved by {a.full}.\n\n> On {appt}, {p.full} wrote:\n> Could I get sign-off on "
        "the {product} purchase? Quote {invoice} attached.",
    ),
    T(
        "email",
        "Thanks all - and a special shout-out to {p.first} and {q.first} for staying late. "
        "Drinks on me {weekday}.\n\n—{a.first}",
    ),
    T(
        "email",
        "Out of office: I am away until {appt} with limited access to email. For urgent "
        "matters contact {a.full} ({a.email_work}).\n\n{p.full}",
    ),
    T(
        "email",
        "Hiya,\n\nJust checking you got the forms. {p.last}'s paperwork is done but "
        "{q.first}'s is missing a signature on page 3.\n\nTa,\n{a.first} x",
    ),
    T(
        "ticket",
        "Escalated to legal. Complainant (via solicitor {a.title}): {p.formal}, {p.addr}. "
        "Alleges data breach via {example}. Internal ref {ticket}.",
    ),
    T(
        "financial",
        "Standing order set up: {amount} monthly from {p.iban} to {q.iban} (payee "
        "{q.lastfirst}), first payment {appt}. Requested in branch, verified by {a.initial}.",
    ),
    T(
        "financial",
        "Cheque deposit {invoice} returned unpaid (signature mismatch). Drawer: {x.full}. "
        "Payee: {p.full}. Fee {amount} charged.",
    ),
    T(
        "financial",
        "Mortgage affordability: applicants {p.full} (born {p.dob}) and {q.full} "
        "(born {q.dob}). Combined income {amount}. Property at {r.addr} - vendor {r.full}.",
    ),
    T(
        "financial",
        "Q2 results: revenue {amount}, up 4%; operating costs {amount2}. {company} remains the "
        "largest customer. Audit by {company2}, report {invoice}.",
        clean=True,
    ),
    T(
        "financial",
        "FX confirmation {invoice}: sold EUR, bought GBP at 0.8571. Value date {appt}. "
        "Settlement account on file. Ref {order}.",
        clean=True,
    ),
    T(
        "financial",
        "Direct debit mandate\nDebtor: {p.full}\nDebtor IBAN: {p.iban}\nCreditor: {company}\n"
        "Mandate ref: {sku}\nSigned in {city} on {appt}",
    ),
    T(
        "financial",
        "Card {badcard} failed Luhn at the terminal - cashier {a.first} asked customer "
        "{p.initial} for another card; paid with {p.card_brand} ending {p.card4}.",
    ),
    T(
        "ticket",
        'Vet clinic booking: dog "Biscuit" (spaniel), owner {p.full}, {p.phone}. Vaccination '
        "due {appt}. Microchip {dhl}.",
    ),
    T(
        "ticket",
        "Lost & found: a wallet handed in at the {city} store with a driving licence in the "
        "name of {p.caps}, born {p.dob}. Kept in the safe, log {ticket}.",
    ),
    T(
        "ticket",
        "Parking fine appeal {ticket}: the vehicle was sold to {q.full} on {appt} (V5 copy "
        "attached). Previous keeper {p.full}, {p.addr}.",
    ),
    T(
        "ticket",
        "Gym access card reissued for member {p.user}. Member says the old one was stolen "
        "along with {p.his} keys. Photo ID: {p.natid_name} shown, number not recorded.",
    ),
    T(
        "chat",
        "{p.firstl}: u coming to {q.firstl}'s bday sat?\n{r.firstl}: yh whats the addy again\n"
        "{p.firstl}: {q.street} {q.pc_city}",
        lower=True,
    ),
    T(
        "chat",
        "Support: For your security we never ask for full card numbers in chat.\nCustomer: "
        "oh ok, the last 4 are 4412 anyway\nSupport: Thanks, found the order {order}.",
        clean=True,
    ),
    T(
        "chat",
        "Customer: My son {qm.first} ordered this without asking, can I return it?\nAgent: Of "
        "course, {p.title}. I've emailed a label to {p.email}.",
    ),
    T(
        "ticket",
        "Known issue: {software} {version} crashes on startup on build {winbuild}. Workaround "
        "in KB {ticket}. Affected OID {oid}.",
        clean=True,
    ),
    T(
        "clinical",
        "Vaccination record\n{p.lastfirst}\nborn {p.dob}\n1st dose {appt} batch {sku}\n"
        "2nd dose {appt2}\nadministered by {a.initial}",
    ),
    T(
        "clinical",
        "Home visit request from {qf.full}, daughter of {p.formal} (age {p.age}), who lives "
        "alone at {p.addr} and fell last night. Call {qf.phone}.",
    ),
    T(
        "clinical",
        "Dental recall: {p.first} {p.last} hasn't been seen since {month} 2023. Last "
        "hygienist: {a.first}. Send reminder to {p.email}.",
    ),
    T(
        "clinical",
        "MDT meeting: case 3 - {p.initial}, aged {p.age}, biopsy confirmed. Discussed with "
        "Mr {a.last} (surgery) and Dr {s.last} (oncology).",
    ),
    T(
        "clinical",
        "Lab result comment: sample haemolysed, repeat required. Specimen id {sku}, received "
        "{ts}. Analyser software {version}.",
        clean=True,
    ),
    T(
        "hr",
        "Leave request: {p.full} - 5 days from {appt}. Cover: {q.first}. Approved by {a.title}.",
    ),
    T(
        "hr",
        "Disciplinary hearing outcome. Employee: {p.caps}. Accompanied by union rep {q.full}. "
        "Outcome: first written warning. Letter posted to {p.addr}.",
    ),
    T(
        "hr",
        "Payroll change: employee #{n}{nn} ({p.lastfirst}) new bank account {p.iban}, "
        "effective next run. Requested by email from {p.email}.",
    ),
    T(
        "hr",
        "Exit interview notes - {p.first} leaves on {appt} for {company}. Main reason: "
        "commute from {p.city}. Would recommend us to friends: yes.",
    ),
    T(
        "log",
        'audit {ts} actor={a.email_work} action=EXPORT_PERSONAL_DATA subject="{p.full}" '
        'rows=1 reason="GDPR access request"',
    ),
    T(
        "log",
        "{ts} sshd[{nn}]: Accepted publickey for deploy from {p.ip} port 51122; "
        "{ts2} sudo: deploy : COMMAND=/usr/bin/systemctl restart app ({version})",
    ),
    J(
        "json",
        {
            "type": "message",
            "channel": "C0{n}X{nn}",
            "user_profile": {"real_name": "{p.full}", "display_name": "{p.firstl}"},
            "text": "can someone review my PR? cc <@{q.user}>",
            "ts": "{ts}",
        },
    ),
    J(
        "json",
        {
            "booking": {"pnr": "{sku}", "flight_date": "{appt}"},
            "passengers": [
                {"surname": "{p.caps}", "dob": "{p.dob}"},
                {"surname": "{q.caps}", "dob": "{q.dob}"},
            ],
            "contact": {"email": "{p.email}"},
        },
    ),
    J(
        "json",
        {
            "tenant": {"name": "{p.lastfirst}", "phone": "{p.phone}"},
            "unit": {"address": "{p.addr}"},
            "guarantor": "{q.formal}",
            "rent": "{amount}",
        },
    ),
    J(
        "json",
        {
            "prescription": {
                "drug": "metformin 500mg",
                "prescriber": "{a.title}",
                "patient": {"name": "{p.full}", "dob": "{p.dob}"},
                "issued": "{appt}",
            }
        },
    ),
    J(
        "json",
        {
            "student": {"id": "{sku}", "name": "{p.full}", "guardian": "{q.title}"},
            "grades": {"math": "B+", "english": "A"},
            "term": "{month}",
        },
    ),
    J(
        "json",
        {
            "incident": "{ticket}",
            "timeline": [
                {"at": "{ts}", "note": "reported by {p.full}"},
                {"at": "{ts2}", "note": "assigned to {a.first}"},
            ],
            "affected_version": "{version}",
        },
    ),
    J(
        "json",
        {
            "shipment": {"tracking": "{ups}", "weight_kg": 2.4},
            "consignee": {"contact": "{p.caps}", "line1": "{p.street}", "city": "{p.pc_city}"},
        },
    ),
    J(
        "json",
        {
            "survey_id": "{uuid}",
            "answers": {"q1": "very satisfied", "q2": "the {product} is great", "q3": "{nn}"},
            "submitted": "{ts}",
        },
        clean=True,
    ),
    J(
        "json",
        {
            "store": "{company}",
            "city": "{city}",
            "daily_sales": "{amount}",
            "top_product": "{product}",
            "pos_build": "{build}",
        },
        clean=True,
    ),
    T(
        "email",
        "Dear {p.title},\n\nfurther to our telephone conversation, I enclose the signed lease. "
        "Kindly return a countersigned copy to the address above.\n\nKind regards\n\n{a.full}\n"
        "{a.street}\n{a.pc_city}",
    ),
    T(
        "email",
        "Hi there! 👋 {p.full} invited you to join their workspace on {software}. "
        "Accept the invite before {appt}.",
    ),
    T(
        "email",
        "Newsletter {month}: new opening hours in {city}, {product} back in stock, and a "
        "reminder that prices exclude VAT. Unsubscribe at {domain}.",
        clean=True,
    ),
    T(
        "email",
        "Ladies and gentlemen,\n\nplease find our updated price list attached (valid from "
        "{appt}). Questions to {placeholder_email}. Reference {invoice}.\n\n{company} sales",
        clean=True,
    ),
    T(
        "ticket",
        "Duplicate of {ticket}. Same reporter ({p.email}), same stack trace, same build "
        "{build}. Closing.",
    ),
    T(
        "ticket",
        "Phone number validation failed for {badphone}; customer {p.full} then gave {p.phone} "
        "which passed. Note: national id typed as {badid}, asked to re-enter.",
    ),
    T(
        "chat",
        "Tutor: Great work today, {p.first}! Homework is pages 40-42.\nParent ({q.full}): "
        "Thanks, {p.he}'ll do it over the weekend.",
    ),
    T(
        "chat",
        "Guest Wi-Fi login: room 218, last name {p.last}. Connected from {p.ip}. "
        "Bandwidth cap lifted by {a.first}.",
    ),
]
