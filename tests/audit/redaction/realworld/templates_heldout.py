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
        "Please remove {p.full} (born {p.dob}) from the marketing list. [[She|He]] "
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
        "cliente: sono {p.full}, nato il {p.dob}, abito in {p.addr}\noperatore: perfetto, grazie",
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
        "Cher {p.title},\n\nnous accusons réception de votre dossier {ticket}. Merci de "
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
        "{q.firstl} visiting {weekday}; she is the contact on {q.phone}.",
    ),
    T(
        "clinical",
        "Radiology: MRI lumbar spine for {p.lastfirst} ({p.natid_name} {p.natid}). "
        "Findings: L4/5 disc protrusion. Report sent to {a.title}.",
    ),
    T(
        "clinical",
        "Dental recall: {p.full}, last check-up {appt}. Preferred contact "
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
