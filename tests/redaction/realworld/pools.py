"""Hand-written value pools per country.

Every name, street, district and city below was typed from general knowledge of how people
and places are named in each country; nothing is copied from a package word list.

Pool syntax: entries are separated by "|". A surname written "Kowalski/Kowalska" has a male
and a female form. A city is written "City:postcode-pattern:District,District" where "#" in
the pattern is a random digit and "@" a random capital letter (districts are optional).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

HELDOUT_SHARE = 0.3


def stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def split_pool(items: list[str], split: str, allow_empty: bool = False) -> list[str]:
    """Deterministic 70/30 split by a stable hash of the value itself.

    A value goes to held-out when its hash falls in the lowest 30 % of the hash range, so the
    same string (e.g. "Sofia" in several countries' pools) lands on the same side everywhere.
    A pool whose values all fall on one side gives its lowest/highest-hash value to the other
    (that value is still in only one split), unless ``allow_empty`` is set.
    """
    uniq = sorted(set(items), key=lambda s: (stable_hash(s), s))
    if len(uniq) < 2:
        return uniq
    held = [s for s in uniq if stable_hash(s) % 1000 < HELDOUT_SHARE * 1000]
    if not held and not allow_empty:
        held = uniq[:1]
    if len(held) == len(uniq) and not allow_empty:
        held = uniq[:-1]
    keep = set(held) if split == "heldout" else set(uniq) - set(held)
    # keep the original (readable) order so rng choices are reproducible
    return [s for s in dict.fromkeys(items) if s in keep]


def _p(text: str) -> list[str]:
    return [t.strip() for t in text.split("|") if t.strip()]


@dataclass
class Country:
    code: str
    name: str
    lang: str
    m: list[str]
    f: list[str]
    last: list[str]
    streets: list[str]
    cities: list[str]
    domains: list[str]
    extra: dict = field(default_factory=dict)


def C(code, name, lang, m, f, last, streets, cities, domains, **extra) -> Country:  # noqa: N802
    return Country(
        code, name, lang, _p(m), _p(f), _p(last), _p(streets), _p(cities), _p(domains), extra
    )


COUNTRIES: dict[str, Country] = {}


def _add(c: Country) -> None:
    COUNTRIES[c.code] = c


_add(
    C(
        "PL",
        "Poland",
        "pl",
        "Wojciech|Krzysztof|Tomasz|Piotr|Grzegorz|Mateusz|Jakub|Paweł|Łukasz|Bartosz|Kamil|Michał|"
        "Szymon|Marcin|Zbigniew|Jarosław",
        "Marta|Agnieszka|Katarzyna|Małgorzata|Joanna|Zofia|Aleksandra|Magdalena|Ewa|Dorota|Natalia|"
        "Weronika|Justyna|Beata|Grażyna|Jadwiga",
        "Kowalski/Kowalska|Nowak|Wiśniewski/Wiśniewska|Wójcik|Kamiński/Kamińska|"
        "Lewandowski/Lewandowska|Zieliński/Zielińska|Szymański/Szymańska|Woźniak|"
        "Dąbrowski/Dąbrowska|Kozłowski/Kozłowska|Jankowski/Jankowska|Mazur|Krawczyk|"
        "Piotrowski/Piotrowska|Grabowski/Grabowska|Pawlak|Michalski/Michalska|Wróbel|Sikora|"
        "Brzęczyszczykiewicz|Chmielewski/Chmielewska",
        "ul. Długa|ul. Marszałkowska|ul. Piotrkowska|"
        "ul. Floriańska|al. Jana Pawła II|ul. Mickiewicza|"
        "ul. Słowackiego|ul. Kościuszki|ul. Ogrodowa|ul. Lipowa|ul. Wrocławska|os. Tysiąclecia|"
        "ul. Grunwaldzka|ul. Polna|ul. Żeromskiego",
        "Warszawa:0#-###|Kraków:3#-###|Łódź:9#-###|Wrocław:5#-###|Poznań:6#-###|Gdańsk:80-###|"
        "Lublin:20-###|Katowice:40-###|Białystok:15-###|Rzeszów:35-###",
        "wp.pl|onet.pl|interia.pl|o2.pl|gazeta.pl",
    )
)
_add(
    C(
        "DE",
        "Germany",
        "de",
        "Lukas|Jonas|Maximilian|Felix|Tobias|Matthias|Jürgen|Uwe|Dieter|Sebastian|Florian|Kai|"
        "Hans-Peter|Karl-Heinz|Torben|Malte",
        "Anna-Lena|Sabine|Ursula|Katrin|Lea|Hannah|Birgit|Annika|Franziska|Jana|Mareike|Gisela|"
        "Heike|Svenja|Leonie|Dörte",
        "Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|"
        "Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|"
        "Müller-Lüdenscheidt|Schmidt-Rottluff|von Bülow|Özdemir|Nguyen|Kowalczyk",
        "Lindenstraße|Hauptstraße|Bahnhofstraße|Schillerstraße|Goethestraße|Gartenweg|Am Markt|"
        "Kastanienallee|Friedrichstraße|Schönhauser Allee|Berliner Straße|Mühlenweg|Kirchplatz|"
        "Ringstraße|Auf dem Berg|Sonnenstraße|Eppendorfer Weg",
        "Berlin:1####|Hamburg:2####|München:8####|Köln:50###|Frankfurt am Main:60###|"
        "Stuttgart:70###|Leipzig:04###|Dresden:01###|Düsseldorf:40###|Nürnberg:90###|Bremen:28###|"
        "Freiburg im Breisgau:79###|Münster:48###",
        "web.de|gmx.de|t-online.de|posteo.de|mailbox.org|freenet.de",
    )
)
_add(
    C(
        "AT",
        "Austria",
        "de",
        "Florian|Stefan|Markus|Lukas|Andreas|Christoph|Wolfgang|Gernot|Johannes|Bernhard|Ferdinand",
        "Katharina|Theresa|Magdalena|Elisabeth|Johanna|Verena|Barbara|Lisa-Marie|Christina|Romana",
        "Gruber|Huber|Bauer|Wagner|Pichler|Moser|Steiner|Mayer|Hofer|Leitner|Berger|Fuchs|Eder|"
        "Fischer|Schwarz|Lechner|Brandstätter|Wimmer",
        "Mariahilfer Straße|Landstraßer Hauptstraße|Getreidegasse|Herrengasse|Linzer Straße|"
        "Favoritenstraße|Maria-Theresien-Straße|Annenstraße|Kärntner Straße|Wiedner Hauptstraße",
        "Wien:1##0|Graz:80##|Linz:40##|Salzburg:50##|Innsbruck:60##|Klagenfurt:90##",
        "gmx.at|aon.at|chello.at|a1.net",
    )
)
_add(
    C(
        "CH",
        "Switzerland",
        "de",
        "Reto|Urs|Beat|Luca|Noah|Matthias|Dominik|Marco|Jean-Luc|Gian-Andrea|Samuel|Elias",
        "Ursina|Corinne|Nadine|Seraina|Laura|Mirjam|Léa|Chiara|Rahel|Manuela|Fabienne",
        "Müller|Meier|Schmid|Keller|Weber|Huber|Schneider|Steiner|Brunner|Baumann|Frei|Gerber|"
        "Zürcher|Bühler|Moser|Rochat|Bianchi|Favre",
        "Bahnhofstrasse|Seestrasse|Dorfstrasse|Rue du Rhône|Marktgasse|Spitalgasse|Kramgasse|"
        "Langstrasse|Route de Lausanne|Via Nassa|Kirchweg|Zürichstrasse",
        "Zürich:80##|Bern:30##|Basel:40##|Genève:12##|Lausanne:10##|Luzern:60##|Lugano:69##|"
        "St. Gallen:90##|Winterthur:84##",
        "bluewin.ch|gmx.ch|sunrise.ch|hispeed.ch",
    )
)
_add(
    C(
        "FR",
        "France",
        "fr",
        "Jean-Baptiste|Mathieu|Thomas|Nicolas|Julien|Antoine|Pierre-Louis|Hugo|Théo|Yannick|"
        "Benoît|François|Mehdi|Karim|Loïc|Gaël",
        "Camille|Léa|Manon|Chloé|Élodie|Sophie|Aurélie|Claire|"
        "Inès|Margaux|Anne-Sophie|Marie-Claire|"
        "Nathalie|Océane|Yasmine|Maëlle",
        "Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|"
        "Lefebvre|Michel|Garcia|Fournier|Lambert|Rousseau|Fontaine|Chevalier|Benali|Kouassi|"
        "Le Gall|Delacroix|Giraud|N'Diaye",
        "rue des Lilas|rue de la République|avenue Jean Jaurès|boulevard Voltaire|rue Victor Hugo|"
        "rue du Faubourg Saint-Antoine|place Bellecour|rue de la Paix|chemin des Vignes|"
        "allée des Tilleuls|rue Nationale|quai de la Loire|impasse des Peupliers|rue Pasteur|"
        "avenue de la Libération",
        "Paris:750##|Lyon:6900#|Marseille:130##|Toulouse:310##|Bordeaux:330##|Nantes:440##|"
        "Lille:590##|Strasbourg:670##|Rennes:350##|Montpellier:340##|Grenoble:380##|Nice:060##",
        "orange.fr|free.fr|laposte.net|sfr.fr|wanadoo.fr|hotmail.fr",
    )
)
_add(
    C(
        "BE",
        "Belgium",
        "nl",
        "Pieter|Wout|Jens|Thibault|Arnaud|Bram|Koen|Sander|Maxime|Elias|Dries|Jean-Marc",
        "Lotte|Elke|Femke|Charlotte|Amélie|Sarah|Griet|Lien|Marie-Hélène|Noor|Ine|Delphine",
        "Peeters|Janssens|Maes|Jacobs|Mertens|Willems|Claes|Goossens|Wouters|De Smet|Dubois|"
        "Lambert|Dupont|Van den Broeck|Vermeulen|De Backer|Vandenberghe|Lemaire",
        "Meir|Veldstraat|Rue Royale|Avenue Louise|Kerkstraat|Stationsstraat|Rue Neuve|"
        "Grote Markt|Chaussée de Waterloo|Nieuwstraat|Tiensestraat|Rue des Bouchers",
        "Brussel:1000|Antwerpen:20##|Gent:90##|Leuven:3000|Liège:40##|Brugge:8000|Namur:5000|"
        "Mechelen:2800",
        "telenet.be|skynet.be|proximus.be|scarlet.be",
    )
)
_add(
    C(
        "NL",
        "Netherlands",
        "nl",
        "Daan|Sem|Bram|Joost|Ruud|Thijs|Maarten|Wouter|Jeroen|Pieter-Jan|Sjoerd|Hidde|Ties|Gerrit",
        "Sanne|Lieke|Femke|Anouk|Esther|Marloes|Ilse|Fenna|Maaike|Noor|Tess|Wilhelmina|Jolien",
        "de Jong|Jansen|de Vries|van den Berg|van der Berg|van Dijk|Bakker|Janssen|Visser|Smit|"
        "Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|"
        "van der Meer|Kuipers|Postma|Bouma|El Amrani",
        "Keizersgracht|Prinsengracht|Herengracht|Oudegracht|Coolsingel|Damrak|Kalverstraat|"
        "Vondelstraat|Lange Voorhout|Stationsweg|Dorpsstraat|Kerkstraat|Burgemeester Reigerstraat|"
        "Marktstraat|Zeestraat",
        "Amsterdam:10## @@|Rotterdam:30## @@|Utrecht:35## @@|Den Haag:25## @@|Eindhoven:56## @@|"
        "Groningen:97## @@|Leiden:23## @@|Haarlem:20## @@|Zwolle:80## @@",
        "ziggo.nl|kpnmail.nl|xs4all.nl|planet.nl|hetnet.nl",
    )
)
_add(
    C(
        "DK",
        "Denmark",
        "da",
        "Mads|Rasmus|Frederik|Søren|Jesper|Anders|Mikkel|Kasper|Nikolaj|Christian|Bjørn|Torben",
        "Mette|Sofie|Ida|Freja|Camilla|Line|Louise|Signe|Maja|Kirsten|Astrid|Birgitte",
        "Jensen|Nielsen|Hansen|Pedersen|Andersen|Christensen|Larsen|Sørensen|Rasmussen|Jørgensen|"
        "Petersen|Madsen|Kristensen|Olsen|Thomsen|Mølgaard|Frederiksen|Østergaard",
        "Nørregade|Vesterbrogade|Strøget|Amagerbrogade|Jagtvej|Åboulevarden|Østergade|"
        "Frederiksberg Allé|Istedgade|Søndergade|Nørrebrogade|Bredgade",
        "København K:1###|København N:2200|Frederiksberg C:1###|Aarhus C:8000|Odense C:5000|"
        "Aalborg:9000|Esbjerg:6700|Roskilde:4000",
        "mail.dk|jubii.dk|stofanet.dk|youmail.dk",
    )
)
_add(
    C(
        "NO",
        "Norway",
        "nb",
        "Ola|Lars|Håkon|Eirik|Sindre|Magnus|Øyvind|Kjetil|Espen|Sigurd|Torstein|Vegard",
        "Ingrid|Kari|Solveig|Silje|Ragnhild|Marit|Hege|Tone|Ingeborg|Synnøve|Live|Åse",
        "Hansen|Johansen|Olsen|Larsen|Andersen|Pedersen|Nilsen|Kristiansen|Jensen|Karlsen|"
        "Haugen|Bakken|Solberg|Dahl|Lunde|Strand|Haugland|Bråthen|Aasen",
        "Karl Johans gate|Bogstadveien|Thereses gate|Markveien|Storgata|Kongens gate|Bryggen|"
        "Dronningens gate|Trondheimsveien|Kirkegata|Torggata",
        "Oslo:0###|Bergen:50##|Trondheim:70##|Stavanger:40##|Tromsø:90##|Drammen:30##|"
        "Kristiansand:46##",
        "online.no|getmail.no|broadpark.no",
    )
)
_add(
    C(
        "SE",
        "Sweden",
        "sv",
        "Erik|Lars|Anders|Johan|Oskar|Gustav|Henrik|Björn|Mikael|Fredrik|Linus|Olof|Axel",
        "Anna|Karin|Ingrid|Elsa|Maja|Linnea|Ebba|Sofia|Kerstin|Astrid|Sara|Agneta|Frida",
        "Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Olsson|Persson|Svensson|Gustafsson|"
        "Pettersson|Jonsson|Lindberg|Lindqvist|Bergström|Sandberg|Lundgren|Ekström|Åberg",
        "Drottninggatan|Götgatan|Kungsgatan|Sveavägen|Storgatan|Vasagatan|Linnégatan|"
        "Hornsgatan|Södra Förstadsgatan|Järntorget|Skolgatan|Ringvägen",
        "Stockholm:1## ##|Göteborg:4## ##|Malmö:2## ##|Uppsala:75# ##|Linköping:58# ##|"
        "Umeå:90# ##|Lund:22# ##|Örebro:70# ##",
        "telia.com|live.se|bredband.net|spray.se",
    )
)
_add(
    C(
        "FI",
        "Finland",
        "fi",
        "Juha|Mikko|Jukka|Timo|Antti|Ville|Janne|Matti|Eero|Aleksi|Tuomas|Onni|Pekka",
        "Aino|Anna-Kaisa|Leena|Satu|Hanna|Riikka|Emmi|Sanna|Tuula|Päivi|Aila|Venla|Johanna",
        "Korhonen|Virtanen|Mäkinen|Nieminen|Mäkelä|Hämäläinen|Laine|Heikkinen|Koskinen|Järvinen|"
        "Lehtonen|Lehtinen|Saarinen|Salminen|Heinonen|Niemi|Kinnunen|Räsänen|Väisänen",
        "Mannerheimintie|Aleksanterinkatu|Hämeenkatu|Hämeentie|Fredrikinkatu|Kauppakatu|"
        "Puistokatu|Linnankatu|Kirkkokatu|Itäinen Pitkäkatu|Tehtaankatu",
        "Helsinki:00###|Espoo:02###|Tampere:33###|Turku:20###|Oulu:90###|Jyväskylä:40###|"
        "Kuopio:70###",
        "luukku.com|suomi24.fi|elisanet.fi|kolumbus.fi",
    )
)
_add(
    C(
        "CZ",
        "Czechia",
        "cs",
        "Jiří|Jan|Petr|Tomáš|Jakub|Martin|Ondřej|Lukáš|Vojtěch|Radek|Miroslav|Zdeněk",
        "Jana|Eva|Hana|Lucie|Tereza|Kateřina|Veronika|Petra|Markéta|Zuzana|Božena|Lenka",
        "Novák/Nováková|Svoboda/Svobodová|Novotný/Novotná|Dvořák/Dvořáková|Černý/Černá|"
        "Procházka/Procházková|Kučera/Kučerová|Veselý/Veselá|Horák/Horáková|Němec/Němcová|"
        "Marek/Marková|Pospíšil/Pospíšilová|Hájek/Hájková|Král/Králová|Růžička/Růžičková",
        "Vinohradská|Národní|Václavské náměstí|Korunní|Husova|Palackého|Masarykova|Nerudova|"
        "Jugoslávských partyzánů|Komenského|Dukelská|Sokolská",
        "Praha 2:120 00|Praha 3:130 00|Praha 5:150 00|Brno:6## 00|Ostrava:7## 00|Plzeň:3## 00|"
        "Olomouc:779 00|Liberec:460 01",
        "seznam.cz|email.cz|centrum.cz|volny.cz|post.cz",
    )
)
_add(
    C(
        "HU",
        "Hungary",
        "hu",
        "László|István|Zoltán|Gábor|Attila|Péter|Balázs|Tamás|Ferenc|Levente|Bence|Gergő",
        "Eszter|Katalin|Zsófia|Réka|Erzsébet|Anikó|Orsolya|Boglárka|Ildikó|Judit|Krisztina|Noémi",
        "Nagy|Kovács|Tóth|Szabó|Horváth|Varga|Kiss|Molnár|Németh|Farkas|Balogh|Papp|Takács|"
        "Juhász|Lakatos|Mészáros|Oláh|Szűcs|Fekete|Hegedűs",
        "Andrássy út|Váci utca|Rákóczi út|Király utca|Üllői út|Bartók Béla út|Kossuth Lajos utca|"
        "Petőfi Sándor utca|Dózsa György út|Fő utca|Szent István körút",
        "Budapest:1### |Debrecen:40##|Szeged:67##|Pécs:76##|Győr:90##|Miskolc:35##",
        "freemail.hu|citromail.hu|t-online.hu|indamail.hu",
    )
)
_add(
    C(
        "RO",
        "Romania",
        "ro",
        "Andrei|Mihai|Alexandru|Ionuț|Bogdan|Florin|Cristian|Răzvan|Vlad|Marius|Gheorghe|Ștefan",
        "Ioana|Andreea|Elena|Maria|Alexandra|Mihaela|Cristina|Roxana|Bianca|Oana|Simona|Irina",
        "Popescu|Ionescu|Popa|Dumitru|Stan|Stoica|Gheorghe|Matei|Ciobanu|Munteanu|Constantinescu|"
        "Diaconu|Moldovan|Lungu|Rusu|Vasilescu|Mihăilescu",
        "Str. Lipscani|Bd. Unirii|Calea Victoriei|Str. Memorandumului|Bd. Ferdinand|"
        "Str. Republicii|Str. Mihai Eminescu|Calea Dorobanților|Bd. Carol I|Str. Avram Iancu",
        "București:0#####|Cluj-Napoca:400###|Timișoara:300###|Iași:700###|Constanța:900###|"
        "Brașov:500###|Sibiu:550###",
        "yahoo.ro|gmail.com|rdslink.ro",
    )
)
_add(
    C(
        "GR",
        "Greece",
        "el",
        "Georgios|Dimitrios|Konstantinos|Nikolaos|Ioannis|Panagiotis|Vasileios|Christos|Athanasios|"
        "Spyridon|Stavros|Thanos",
        "Maria|Eleni|Aikaterini|Vasiliki|Sofia|Angeliki|Dimitra|Georgia|Paraskevi|Eirini|Despoina|"
        "Chrysoula",
        "Papadopoulos/Papadopoulou|Georgiou|Oikonomou|Nikolaidis/Nikolaidou|Dimitriou|"
        "Papageorgiou|Vlachos/Vlachou|Karagiannis/Karagianni|Konstantinidis/Konstantinidou|"
        "Makris/Makri|Alexiou|Antoniou|Christodoulou|Theodorou|Pappas/Pappa|Kyriakidis/Kyriakidou",
        "Ermou|Patision|Vasilissis Sofias|Akadimias|Tsimiski|Egnatia|Panepistimiou|Stadiou|"
        "Kifisias|Mitropoleos|Ippokratous|Solonos",
        "Athina:1## ##|Thessaloniki:5## ##|Patra:26# ##|Irakleio:71# ##|Larisa:41# ##|"
        "Ioannina:45# ##",
        "yahoo.gr|otenet.gr|hol.gr|gmail.com",
    )
)
_add(
    C(
        "IT",
        "Italy",
        "it",
        "Giuseppe|Marco|Alessandro|Lorenzo|Francesco|Matteo|Gianluca|Davide|Salvatore|Andrea|"
        "Pierpaolo|Gianmarco|Vincenzo|Raffaele",
        "Giulia|Chiara|Francesca|Federica|Valentina|Alessia|Martina|Sara|Rosaria|Ilaria|"
        "Maria Grazia|Annalisa|Beatrice|Giovanna",
        "Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|"
        "Conti|De Luca|Costa|Giordano|Mancini|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Santoro|"
        "Di Stefano|Lo Russo|D'Angelo",
        "Via Garibaldi|Via Roma|Corso Vittorio Emanuele II|Via Dante|Via Mazzini|Viale Monza|"
        "Via del Corso|Via Toledo|Piazza Navona|Corso Buenos Aires|Via San Gregorio Armeno|"
        "Via Nazionale|Via dei Mille|Viale Europa|Via Cavour",
        "Milano:201##|Roma:001##|Napoli:801##|Torino:101##|Bologna:401##|Firenze:501##|"
        "Palermo:901##|Genova:161##|Bari:701##|Verona:371##",
        "libero.it|alice.it|virgilio.it|tiscali.it|tim.it",
    )
)
_add(
    C(
        "ES",
        "Spain",
        "es",
        "José Luis|Javier|Alejandro|Pablo|Sergio|Álvaro|Jorge|Iñaki|Jordi|Xavier|Manuel|Rubén|"
        "Francisco Javier|Íker",
        "María José|Lucía|Carmen|Laura|Marta|Ainhoa|Nerea|Montserrat|Paula|Elena|Rocío|Pilar|"
        "Itziar|Ana Belén",
        "García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez|"
        "Ruiz|Hernández|Díaz|Moreno|Álvarez|Romero|Navarro|Torres|Domínguez|Gil|Serrano|"
        "Etxeberria|Puig|Vidal",
        "Calle Mayor|Gran Vía|Calle de Alcalá|Paseo de Gracia|Carrer de Balmes|Avenida de la "
        "Constitución|Calle Sierpes|Calle Larios|Rambla de Catalunya|Calle Colón|Avenida Diagonal|"
        "Calle Real|Plaza del Pilar|Calle San Vicente",
        "Madrid:280##|Barcelona:080##|Valencia:460##|Sevilla:410##|Zaragoza:500##|Málaga:290##|"
        "Bilbao:480##|Granada:180##|Palma:070##|Valladolid:470##",
        "hotmail.es|yahoo.es|telefonica.net|gmail.com",
    )
)
_add(
    C(
        "PT",
        "Portugal",
        "pt",
        "João|Tiago|Duarte|Rui|Nuno|Gonçalo|Miguel|Afonso|Pedro|Luís|Diogo|Vasco",
        "Inês|Beatriz|Mariana|Leonor|Ana Rita|Catarina|Joana|Sofia|Filipa|Margarida|Rita|Teresa",
        "Silva|Santos|Ferreira|Pereira|Oliveira|Costa|Rodrigues|Martins|Jesus|Sousa|Fernandes|"
        "Gonçalves|Gomes|Lopes|Marques|Alves|Ribeiro|Pinto|Carvalho|Teixeira|Magalhães",
        "Rua Augusta|Avenida da Liberdade|Rua de Santa Catarina|Rua do Ouro|Rua Garrett|"
        "Avenida dos Aliados|Rua da Prata|Rua Direita|Travessa do Carmo|Largo do Chiado|"
        "Rua Miguel Bombarda",
        "Lisboa:1###-###|Porto:4###-###|Coimbra:30##-###|Braga:47##-###|Faro:80##-###|"
        "Aveiro:38##-###",
        "sapo.pt|clix.pt|netcabo.pt|gmail.com",
    )
)
_add(
    C(
        "IE",
        "Ireland",
        "en",
        "Seán|Ciarán|Pádraig|Oisín|Cathal|Darragh|Eoin|Niall|Conor|Colm|Fionn|Diarmuid",
        "Aoife|Siobhán|Niamh|Caoimhe|Saoirse|Róisín|Gráinne|Orla|Clodagh|Aisling|Éabha|Sinéad",
        "Murphy|Kelly|O'Sullivan|Walsh|O'Brien|Byrne|Ryan|O'Connor|O'Neill|Ó Briain|Mac Giolla|"
        "McCarthy|Doyle|Gallagher|Kennedy|Lynch|Quinn|Fitzgerald",
        "Grafton Street|O'Connell Street|Patrick Street|Shop Street|Camden Street|Rathmines Road|"
        "Dame Street|Main Street|Strand Road|Ranelagh Road|Lower Baggot Street",
        "Dublin 2:D02 @###|Dublin 6:D06 @###|Cork:T12 @###|Galway:H91 @###|Limerick:V94 @###|"
        "Waterford:X91 @###",
        "eircom.net|gmail.com|hotmail.com|yahoo.ie",
    )
)
_add(
    C(
        "GB",
        "United Kingdom",
        "en",
        "Oliver|Harry|Jack|George|Callum|Rhys|Alistair|Hamish|Gareth|Nigel|Kieran|Dafydd|Rupert",
        "Charlotte|Emily|Sophie|Chloe|Hannah|Bethan|Eilidh|Fiona|Gemma|Siân|Imogen|Priya|Abigail",
        "Smith|Jones|Taylor|Brown|Williams|Wilson|Davies|Evans|Thomas|Roberts|Walker|Wright|"
        "Thompson|Hughes|Edwards|Clarke|Patel|Khan|MacDonald|Campbell|Fraser|Llewellyn|"
        "Featherstonehaugh|Ashworth",
        "Acacia Road|Victoria Road|Church Lane|High Street|Station Road|Kings Road|Mill Lane|"
        "Queen Street|Park Avenue|The Crescent|Albert Terrace|Manor Close|Glebe Way|"
        "Sauchiehall Street|Princes Street|Deansgate",
        "London:SE1# #@@|London:N# #@@|London:E1# #@@|Manchester:M# #@@|Birmingham:B1# #@@|"
        "Leeds:LS# #@@|Glasgow:G# #@@|Edinburgh:EH# #@@|Bristol:BS# #@@|Cardiff:CF1# #@@|"
        "Liverpool:L# #@@|Norwich:NR# #@@",
        "btinternet.com|sky.com|virginmedia.com|hotmail.co.uk|yahoo.co.uk|talktalk.net",
    )
)
_add(
    C(
        "US",
        "United States",
        "en",
        "Michael|Tyler|Brandon|DeShawn|Cody|Jamal|Ethan|Carlos|Dylan|Trevor|Marcus|Brett|Hunter",
        "Jennifer|Ashley|Brittany|Madison|Kayla|LaToya|Megan|Shaniqua|Courtney|Heather|Amber|"
        "Kelsey|Dakota",
        "Johnson|Williams|Miller|Davis|Garcia|Rodriguez|Martinez|Anderson|Jackson|White|Harris|"
        "Thompson|Robinson|Lewis|Walker|Young|Hernandez|Nguyen|Washington|O'Malley|Kowalczyk|"
        "Schwartz|Baker|Sullivan",
        "Maple Ave|Oak Street|Elm St|Main Street|Sunset Blvd|"
        "Cedar Lane|Washington Ave|Pine Ridge Rd|"
        "Lakeview Dr|Willow Creek Ct|Peachtree St NE|Mission St|Lincoln Way|Magnolia Dr|"
        "Broadway|Highland Ave",
        "Portland, OR:972##|Austin, TX:787##|Columbus, OH:432##|Atlanta, GA:303##|"
        "Denver, CO:802##|Seattle, WA:981##|Brooklyn, NY:112##|Chicago, IL:606##|"
        "San Jose, CA:951##|Phoenix, AZ:850##|Raleigh, NC:276##|Boston, MA:021##",
        "gmail.com|yahoo.com|aol.com|comcast.net|outlook.com|icloud.com|att.net",
    )
)
_add(
    C(
        "CA",
        "Canada",
        "en",
        "Liam|Étienne|Mathieu|Connor|Jean-François|Ryan|Tremaine|Gurpreet|Owen|Marc-André|Kyle",
        "Chantal|Émilie|Brittany|Geneviève|Madison|Isabelle|Kristen|Josée|Amrit|Taylor|Mélanie",
        "Tremblay|Gagnon|Roy|Côté|Bouchard|Gauthier|Morin|Lavoie|Fortin|Gagné|MacLeod|Campbell|"
        "Leblanc|Thibodeau|Wong|Singh|Sinclair|Bergeron",
        "King St W|Queen St E|Rue Sainte-Catherine|Yonge St|Granville St|Boulevard René-Lévesque|"
        "Rideau St|Jasper Ave|Spring Garden Rd|Portage Ave|Rue Saint-Denis|17th Ave SW",
        "Toronto, ON:M#@ #@#|Montréal, QC:H#@ #@#|Vancouver, BC:V#@ #@#|Calgary, AB:T#@ #@#|"
        "Ottawa, ON:K#@ #@#|Halifax, NS:B#@ #@#|Winnipeg, MB:R#@ #@#|Edmonton, AB:T#@ #@#",
        "shaw.ca|rogers.com|sympatico.ca|videotron.ca|telus.net|gmail.com",
    )
)
_add(
    C(
        "AU",
        "Australia",
        "en",
        "Lachlan|Hamish|Cooper|Jarrah|Brodie|Darcy|Riley|Nathan|Mitchell|Ashton|Kieren|Bodhi",
        "Kylie|Shannon|Jessica|Matilda|Tahlia|Chloe|Sienna|Bronwyn|Kirra|Lauren|Georgia|Talia",
        "Smith|Jones|Williams|Brown|Wilson|Taylor|Nguyen|Ryan|Kelly|Papadopoulos|Mitchell|"
        "O'Brien|Campbell|Anderson|Thompson|Morrison|Zhang|Singh|Bianchi",
        "Smith St|Chapel St|Brunswick St|George St|Sydney Rd|Beach Rd|Oxford St|Glenferrie Rd|"
        "Hay St|Rundle St|Military Rd|Parramatta Rd|Macquarie St",
        "Fitzroy VIC:3065|Melbourne VIC:3000|Brunswick VIC:3056|Surry Hills NSW:2010|"
        "Bondi NSW:2026|Newtown NSW:2042|Fremantle WA:6160|Brisbane QLD:4000|"
        "Adelaide SA:5000|Hobart TAS:7000|Canberra ACT:2601",
        "bigpond.com|optusnet.com.au|iinet.net.au|outlook.com|gmail.com",
    )
)
_add(
    C(
        "BR",
        "Brazil",
        "pt",
        "João Pedro|Gabriel|Lucas|Matheus|Rafael|Thiago|Felipe|Gustavo|Carlos Eduardo|Vinícius|"
        "Leandro|Wellington|Cauã|Enzo",
        "Ana Clara|Fernanda|Juliana|Camila|Letícia|Larissa|Bruna|Gabriela|Maria Eduarda|Thaís|"
        "Jéssica|Raíssa|Luana|Vitória",
        "Silva|Santos|Oliveira|Souza|Rodrigues|Ferreira|Alves|Pereira|Lima|Gomes|Ribeiro|"
        "Carvalho|Almeida|Araújo|Barbosa|Nascimento|Cavalcanti|Moura|Rocha|Nogueira",
        "Rua Oscar Freire|Avenida Paulista|Rua Augusta|Rua da Consolação|Avenida Atlântica|"
        "Rua Visconde de Pirajá|Avenida Sete de Setembro|Rua das Flores|Rua XV de Novembro|"
        "Avenida Boa Viagem|Rua Haddock Lobo|Rua Padre Chagas",
        "São Paulo - SP:0####-###:Jardins,Pinheiros,Vila Madalena,Moema|"
        "Rio de Janeiro - RJ:22###-###:Copacabana,Ipanema,Botafogo,Tijuca|"
        "Curitiba - PR:80###-###:Batel,Centro,Água Verde|Salvador - BA:40###-###:Barra,Pituba|"
        "Recife - PE:5####-###:Boa Viagem,Casa Forte|Porto Alegre - RS:90###-###:Moinhos de Vento,"
        "Cidade Baixa|Belo Horizonte - MG:30###-###:Savassi,Lourdes",
        "uol.com.br|bol.com.br|terra.com.br|ig.com.br|gmail.com",
    )
)
_add(
    C(
        "MX",
        "Mexico",
        "es",
        "José Luis|Juan Carlos|Alejandro|Miguel Ángel|Jesús|Fernando|Ricardo|Emiliano|Rodrigo|"
        "Arturo|Guadalupe|Eduardo",
        "Guadalupe|María Fernanda|Ximena|Itzel|Daniela|Mariana|Valeria|Alejandra|Sofía|Citlali|"
        "Karla|Andrea",
        "Hernández|García|Martínez|López|González|Pérez|Rodríguez|Sánchez|Ramírez|Cruz|Flores|"
        "Gómez|Morales|Vázquez|Reyes|Jiménez|Torres|Mendoza|Castillo|Xochitl",
        "Av. Insurgentes Sur|Paseo de la Reforma|Calle Madero|Av. Álvaro Obregón|Calle Amsterdam|"
        "Av. Chapultepec|Calle Hidalgo|Av. Juárez|Calle 5 de Mayo|Av. Vallarta|Calle Morelos",
        "Ciudad de México:0####:Col. Roma Norte,Col. Condesa,Col. Del Valle,Col. Narvarte|"
        "Guadalajara, Jal.:44###:Col. Americana,Col. Providencia|Monterrey, N.L.:64###:Col. Centro,"
        "Col. Obispado|Puebla, Pue.:72###:Col. La Paz|Mérida, Yuc.:97###:Col. García Ginerés",
        "hotmail.com|prodigy.net.mx|yahoo.com.mx|gmail.com",
    )
)
_add(
    C(
        "AR",
        "Argentina",
        "es",
        "Santiago|Facundo|Matías|Joaquín|Nicolás|Gonzalo|Agustín|Martín|Leandro|Juan Ignacio|Tomás",
        "Florencia|Agustina|Camila|Luciana|Micaela|Sol|"
        "Valentina|Milagros|Rocío|María Belén|Julieta",
        "González|Rodríguez|Gómez|Fernández|López|Díaz|Martínez|Pérez|Romero|Sosa|Álvarez|"
        "Benítez|Acosta|Medina|Herrera|Ferrari|Rossi|Goldberg",
        "Av. Corrientes|Av. Santa Fe|Calle Florida|Av. Rivadavia|Av. de Mayo|Calle Defensa|"
        "Av. Cabildo|Calle Thames|Bv. Oroño|Calle San Martín|Av. Colón",
        "CABA:C1### @@@|Buenos Aires:C14## @@@|Rosario:S2000|Córdoba:X5000|Mendoza:M5500|"
        "La Plata:B1900",
        "hotmail.com|yahoo.com.ar|fibertel.com.ar|gmail.com",
    )
)
_add(
    C(
        "TR",
        "Turkey",
        "tr",
        "Mehmet|Mustafa|Ahmet|Emre|Burak|Can|Oğuz|Hakan|Serkan|Yiğit|Barış|Kerem|Çağlar",
        "Ayşe|Elif|Zeynep|Fatma|Büşra|Merve|Gülşen|Özge|Ebru|Şebnem|Derya|Nazlı|Ceren",
        "Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|"
        "Kılıç|Aslan|Çetin|Kara|Koç|Kurt|Özkan|Şimşek",
        "Atatürk Cad.|İstiklal Cad.|Bağdat Cad.|Cumhuriyet Mah. Gül Sok.|Moda Cad.|"
        "Fevzi Çakmak Cad.|Barbaros Bulvarı|Kazım Karabekir Cad.|Halaskargazi Cad.|Alsancak Kıbrıs "
        "Şehitleri Cad.|Tunalı Hilmi Cad.",
        "İstanbul:34###:Kadıköy,Beşiktaş,Şişli,Üsküdar,Bakırköy|Ankara:06###:Çankaya,Keçiören|"
        "İzmir:35###:Konak,Karşıyaka,Bornova|Bursa:16###:Nilüfer,Osmangazi|"
        "Antalya:07###:Muratpaşa,Konyaaltı",
        "hotmail.com|yandex.com.tr|mynet.com|gmail.com",
    )
)
_add(
    C(
        "RU",
        "Russia",
        "ru",
        "Dmitry|Sergey|Aleksandr|Andrey|Alexey|Mikhail|Ivan|Nikolai|Vladimir|Yevgeny|Konstantin|"
        "Artyom|Pavel",
        "Olga|Tatiana|Natalia|Yekaterina|Anastasia|Svetlana|Irina|Yulia|Ksenia|Lyudmila|Darya|"
        "Galina|Polina",
        "Ivanov/Ivanova|Smirnov/Smirnova|Kuznetsov/Kuznetsova|Popov/Popova|Vasiliev/Vasilieva|"
        "Petrov/Petrova|Sokolov/Sokolova|Mikhailov/Mikhailova|Novikov/Novikova|Fedorov/Fedorova|"
        "Morozov/Morozova|Volkov/Volkova|Lebedev/Lebedeva|Kozlov/Kozlova|Zaitsev/Zaitseva|"
        "Belyakov/Belyakova|Rostovtsev/Rostovtseva",
        "ul. Tverskaya|Nevsky prospekt|ul. Arbat|Leninsky prospekt|ul. Bolshaya Sadovaya|"
        "ul. Pokrovka|Kutuzovsky prospekt|ul. Lenina|"
        "ul. Gagarina|ul. Pushkinskaya|Ligovsky prospekt",
        "Moskva:1#####|Sankt-Peterburg:19####|Kazan:420###|Yekaterinburg:620###|"
        "Novosibirsk:630###|Nizhny Novgorod:603###",
        "mail.ru|yandex.ru|rambler.ru|bk.ru|list.ru",
    )
)
_add(
    C(
        "UA",
        "Ukraine",
        "uk",
        "Oleksandr|Andriy|Taras|Bohdan|Mykola|Yaroslav|Dmytro|Serhiy|Volodymyr|Oleh|Vasyl|Ostap",
        "Oksana|Olena|Iryna|Nataliia|Kateryna|Yuliia|Solomiia|Halyna|Khrystyna|Mariia|Viktoriia|"
        "Zoriana",
        "Shevchenko|Kovalenko|Bondarenko|Tkachenko|Kravchenko|Melnyk|Boyko|Kovalchuk|Oliinyk|"
        "Shevchuk|Polishchuk|Lysenko|Marchenko|Hrytsenko|Savchuk|Rudenko|Tkachuk",
        "vul. Khreshchatyk|vul. Velyka Vasylkivska|prosp. Peremohy|vul. Sumska|vul. Deribasivska|"
        "vul. Shevchenka|prosp. Svobody|vul. Franka|vul. Horodotska|bulv. Lesi Ukrainky",
        "Kyiv:0####|Lviv:79###|Kharkiv:61###|Odesa:65###|Dnipro:49###|Vinnytsia:21###",
        "ukr.net|i.ua|meta.ua|gmail.com",
    )
)
_add(
    C(
        "IL",
        "Israel",
        "he",
        "Yossi|Avi|Eitan|Noam|Itai|Omer|Yonatan|Amit|Lior|Moshe|Ariel|Dor",
        "Noa|Tamar|Shira|Michal|Yael|Maya|Adi|Hila|Orly|Tali|Liat|Efrat",
        "Cohen|Levi|Mizrahi|Peretz|Biton|Dahan|Avraham|Friedman|Azoulay|Katz|Ben-David|Shapiro|"
        "Goldstein|Rosenberg|Ben-Ami|Elkayam|Shalev",
        "Dizengoff St|Rothschild Blvd|Ben Yehuda St|Allenby St|Herzl St|Jabotinsky St|"
        "Emek Refaim St|Ibn Gabirol St|HaNevi'im St|Sderot Yerushalayim|Weizmann St",
        "Tel Aviv-Yafo:6######|Jerusalem:9######|Haifa:3######|"
        "Be'er Sheva:84#####|Ra'anana:43#####|"
        "Herzliya:46#####",
        "walla.co.il|012.net.il|bezeqint.net|gmail.com",
    )
)
_add(
    C(
        "AE",
        "United Arab Emirates",
        "ar",
        "Mohammed|Rashid|Khalid|Saeed|Hamdan|Sultan|Omar|Abdullah|Ahmed|Majid|Hamad|Yousef",
        "Fatima|Mariam|Aisha|Shamma|Noura|Hessa|Latifa|Maitha|Reem|Alia|Sheikha|Moza",
        "Al-Mansouri|Al Falasi|Al-Mazrouei|Al Nuaimi|Al-Suwaidi|Al Shamsi|Al-Ketbi|Al Hammadi|"
        "Al-Marri|Al Dhaheri|Al-Qasimi|Al Blooshi",
        "Sheikh Zayed Road|Al Wasl Road|Jumeirah Beach Road|Al Khaleej Road|Corniche Road|"
        "Hamdan Street|Street 23|Al Safa Street|Electra Street|Al Muroor Road",
        "Dubai::Al Barsha 2,Jumeirah 1,Dubai Marina,Al Qusais,Mirdif|Abu Dhabi::Al Khalidiyah,"
        "Al Reem Island,Mussafah|Sharjah::Al Majaz,Al Nahda",
        "eim.ae|emirates.net.ae|gmail.com|hotmail.com",
    )
)
_add(
    C(
        "SA",
        "Saudi Arabia",
        "ar",
        "Abdulaziz|Faisal|Turki|Nawaf|Bandar|Saud|Fahad|Mohammed|Abdulrahman|Mishari|Tariq",
        "Nouf|Lama|Reem|Hessa|Abeer|Jawaher|Sara|Munira|Ghada|Dana|Haifa",
        "Al-Otaibi|Al-Qahtani|Al-Ghamdi|Al-Zahrani|Al-Shehri|Al-Harbi|Al-Dossary|Al-Mutairi|"
        "Al-Shammari|Al-Subaie|Al-Rashid|Al-Anazi",
        "King Fahd Rd|Prince Sultan St|Olaya St|Tahlia St|King Abdullah Rd|Al Madinah Rd|"
        "Prince Mohammed bin Abdulaziz St|Al Urubah Rd",
        "Riyadh:12###:Al Olaya,Al Malqa,Al Sulimaniyah|Jeddah:23###:Al Rawdah,Al Andalus,Al Hamra|"
        "Dammam:32###:Al Faisaliyah,Al Shatea",
        "hotmail.com|gmail.com|yahoo.com",
    )
)
_add(
    C(
        "EG",
        "Egypt",
        "ar",
        "Ahmed|Mahmoud|Mostafa|Karim|Amr|Tamer|Hossam|Youssef|Sherif|Ashraf|Hany|Ibrahim",
        "Nourhan|Yasmin|Mona|Heba|Dina|Rania|Salma|Aya|Menna|Shaimaa|Doaa|Ghada",
        "Hassan|Mohamed|Abdel-Rahman|El-Sayed|Mahmoud|Ibrahim|Farouk|Mansour|Soliman|"
        "Abdel-Fattah|El-Masry|Shawky|Naguib|Gaber|Fawzy|Osman",
        "Sherif St|Talaat Harb St|26th of July St|El Tahrir St|"
        "Abbas El Akkad St|Mohamed Mahmoud St|"
        "Corniche El Nil|Gameat El Dowal St|Makram Ebeid St|El Horreya Rd",
        "Cairo:11###:Downtown,Zamalek,Garden City,Heliopolis,Nasr City|"
        "Giza:12###:Dokki,Mohandessin|"
        "Alexandria:21###:Smouha,Roushdy,Sidi Gaber",
        "yahoo.com|hotmail.com|gmail.com|link.net",
    )
)
_add(
    C(
        "IR",
        "Iran",
        "fa",
        "Reza|Mohammad|Ali|Amir|Hossein|Mehdi|Saeed|Arash|Kourosh|Babak|Farhad|Dariush",
        "Maryam|Fatemeh|Zahra|Shirin|Niloufar|Parisa|Leila|Golnaz|Azadeh|Sepideh|Mahsa|Roya",
        "Hosseini|Mohammadi|Ahmadi|Rezaei|Moradi|Karimi|Jafari|Rahimi|Heydari|Tehrani|Farahani|"
        "Ghorbani|Najafi|Kazemi|Shirazi|Esfahani",
        "Vali-e Asr St|Enghelab St|Shariati St|Azadi St|Motahari St|Fereshteh St|Chahar Bagh St|"
        "Zand Blvd|Imam Reza St",
        "Tehran:1####-#####|Isfahan:81###-#####|Shiraz:71###-#####|Mashhad:91###-#####|"
        "Tabriz:51###-#####",
        "yahoo.com|gmail.com|chmail.ir",
    )
)
_add(
    C(
        "IN",
        "India",
        "en",
        "Rahul|Arjun|Vikram|Ananth|Karthik|Suresh|Senthil|Murugan|Arnab|Sourav|Gurpreet|"
        "Harjinder|Manpreet|Amitabh|Rohan|Venkatesh|Subramaniam|Debashish|Aditya",
        "Priya|Ananya|Deepika|Lakshmi|Meenakshi|Kavitha|Shreya|Poulomi|Sharmila|Jaspreet|Simran|"
        "Harleen|Aishwarya|Divya|Nandini|Ritu|Tanushree",
        "Sharma|Verma|Gupta|Agarwal|Iyer|Iyengar|Subramanian|Krishnan|Pillai|Nair|Menon|"
        "Chatterjee|Banerjee|Mukherjee|Bhattacharya|Das|Ghosh|Singh|Dhillon|Sandhu|Gill|Reddy|"
        "Rao|Naidu|Kulkarni|Deshpande|Patil|Joshi",
        "14th Cross|MG Road|Anna Salai|Park Street|Linking Road|Brigade Road|100 Feet Road|"
        "Residency Road|Nehru Street|Gandhi Nagar Main Road|Sector 17 Road|Lajpat Rai Marg|"
        "Ring Road|Station Road",
        "Bengaluru:560###:Indiranagar,Koramangala,Jayanagar,HSR Layout,Whitefield|"
        "Chennai:600###:T. Nagar,Adyar,Mylapore,Velachery|Kolkata:700###:Salt Lake,Ballygunge,"
        "Gariahat|Mumbai:400###:Andheri West,Bandra West,Powai,Dadar|"
        "New Delhi:110###:Lajpat Nagar,Saket,Dwarka|Chandigarh:160###:Sector 22,Sector 35|"
        "Hyderabad:500###:Banjara Hills,Gachibowli|Pune:411###:Kothrud,Aundh",
        "rediffmail.com|gmail.com|yahoo.co.in|outlook.com",
        apartments="Sai Krupa Apartments|Prestige Shantiniketan|Lakshmi Nivas|Green Glen Layout|"
        "Sobha Dewflower|Shanti Kunj|Ganga Residency|Ashirwad Society|Brigade Gateway",
    )
)
_add(
    C(
        "PK",
        "Pakistan",
        "ur",
        "Muhammad|Imran|Bilal|Usman|Hamza|Asad|Faisal|Zeeshan|Shahid|Waqar|Junaid|Umer",
        "Ayesha|Sana|Hira|Mahnoor|Fatima|Zainab|Amna|Rabia|Saima|Nida|Iqra|Sidra",
        "Khan|Ahmed|Malik|Qureshi|Chaudhry|Butt|Siddiqui|Sheikh|Raza|Hashmi|Abbasi|Mirza|"
        "Awan|Bajwa|Rizvi|Shah",
        "Street 7|Street 21|Main Boulevard|Shahrah-e-Faisal|Mall Road|Jinnah Avenue|"
        "Khayaban-e-Ittehad|Canal Road|Zamzama Boulevard",
        "Islamabad:44000:F-7/2,F-10/3,G-9/4,E-11/2|Lahore:54###:Gulberg III,DHA Phase 5,Model Town|"
        "Karachi:75###:DHA Phase 6,Clifton Block 5,Gulshan-e-Iqbal",
        "gmail.com|yahoo.com|hotmail.com",
    )
)
_add(
    C(
        "BD",
        "Bangladesh",
        "bn",
        "Rafiqul|Tanvir|Shakib|Mahmudul|Arif|Saiful|Nazmul|Habibur|Mizanur|Fahim|Anisur|Touhid",
        "Nusrat|Farzana|Tahmina|Sadia|Shirin|Rumana|Sharmin|Taslima|Mahmuda|Afroza|Jannatul|Nasrin",
        "Rahman|Hossain|Islam|Ahmed|Chowdhury|Uddin|Akter|Begum|Sarkar|Talukder|Mia|Haque|"
        "Karim|Bhuiyan|Siddique",
        "Road 11|Road 27|Satmasjid Road|Gulshan Avenue|Kemal Ataturk Avenue|Mirpur Road|"
        "Green Road|New Eskaton Road|Lake Circus",
        "Dhaka:12##:Dhanmondi,Gulshan 2,Banani,Uttara Sector 7,Mohammadpur|"
        "Chittagong:4###:Agrabad,Nasirabad|Sylhet:31##:Zindabazar,Ambarkhana",
        "gmail.com|yahoo.com|hotmail.com",
    )
)
_add(
    C(
        "CN",
        "China",
        "zh",
        "Wei|Jun|Hao|Lei|Jian|Ming|Zhiwei|Yifan|Haoran|Zihao|Jianguo|Xiaoming|Tianyu",
        "Fang|Li|Na|Jing|Xiu Ying|Yan|Xiaoyan|Meiling|Yuting|Xinyi|Shu Fen|Jiayi|Ruoxi",
        "Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|He|Gao|Lin|Luo|"
        "Zheng|Xie|Ouyang|Situ",
        "Nanjing West Road|Jianguo Road|Huaihai Middle Road|Zhongshan Road|Renmin Road|"
        "Dongzhimen Inner Street|Shennan Avenue|Tianhe Road|Wenyi Road|Chaoyang North Road|"
        "Jiefang Avenue|Xueyuan Road",
        "Shanghai:200###:Jing'an District,Xuhui District,Pudong New Area,Huangpu District|"
        "Beijing:100###:Chaoyang District,Haidian District,Dongcheng District|"
        "Shenzhen:518###:Futian District,Nanshan District|Guangzhou:510###:Tianhe District,"
        "Yuexiu District|Hangzhou:310###:Xihu District,Binjiang District|"
        "Chengdu:610###:Wuhou District,Jinjiang District",
        "qq.com|163.com|126.com|sina.com|foxmail.com",
    )
)
_add(
    C(
        "JP",
        "Japan",
        "ja",
        "Haruto|Takeshi|Hiroshi|Kenji|Yuto|Sota|Daisuke|Shota|Ryota|Kazuki|Takumi|Shinji|Masato",
        "Yui|Aoi|Sakura|Haruka|Yuki|Misaki|Ayaka|Mei|Nanami|Rin|Tomoko|Keiko|Megumi",
        "Sato|Suzuki|Takahashi|Tanaka|Watanabe|Ito|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|"
        "Yamada|Sasaki|Yamaguchi|Matsumoto|Inoue|Kimura|Hayashi|Shimizu|Fujiwara|Ogawa|Okada",
        # Japanese block addresses name the neighbourhood, so each is bound to its ward/city
        "Nishi-Shinjuku@Tokyo:160-0023:Shinjuku-ku|Ebisu-Minami@Tokyo:150-0022:Shibuya-ku|"
        "Jingumae@Tokyo:150-0001:Shibuya-ku|Kichijoji-Honcho@Musashino-shi, Tokyo:180-0004|"
        "Nakameguro@Tokyo:153-0061:Meguro-ku|Shibaura@Tokyo:108-0023:Minato-ku|"
        "Hongo@Tokyo:113-0033:Bunkyo-ku|Umeda@Osaka:530-0001:Kita-ku|"
        "Namba-Naka@Osaka:556-0011:Naniwa-ku|Higashi-Shiokoji-cho@Kyoto:600-8216:Shimogyo-ku|"
        "Sakae@Nagoya:460-0008:Naka-ku|Tenjin@Fukuoka:810-0001:Chuo-ku|"
        "Kita-Aoyama@Tokyo:107-0061:Minato-ku|Minami-Aoyama@Tokyo:107-0062:Minato-ku|"
        "Ginza@Tokyo:104-0061:Chuo-ku|Sannomiya-cho@Kobe:650-0021:Chuo-ku",
        "Tokyo:1##-####:Shinjuku-ku,Shibuya-ku,Minato-ku,Bunkyo-ku,Meguro-ku|"
        "Osaka:5##-####:Kita-ku,Naniwa-ku,Chuo-ku|Kyoto:60#-####:Shimogyo-ku,Sakyo-ku|"
        "Nagoya:46#-####:Naka-ku,Chikusa-ku|Fukuoka:81#-####:Chuo-ku,Hakata-ku|"
        "Musashino-shi, Tokyo:180-####:",
        "yahoo.co.jp|docomo.ne.jp|ezweb.ne.jp|nifty.com|gmail.com",
    )
)
_add(
    C(
        "KR",
        "South Korea",
        "ko",
        "Min-jun|Seo-jun|Ji-hoon|Hyun-woo|Dong-hyun|Jae-won|Sung-min|Tae-yang|Jun-ho|Young-soo|"
        "Kyung-soo|Sang-woo",
        "Ji-woo|Seo-yeon|Min-seo|Ha-eun|Soo-ah|Ji-yeon|Eun-ji|Hye-jin|Yoo-na|Da-eun|Mi-kyung|"
        "Su-bin",
        "Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|"
        "Jeon|Hong|Namgung|Yoo",
        "Teheran-ro|Eulji-ro|Sejong-daero|Gangnam-daero|Olympic-ro|Dosan-daero|Hakdong-ro|"
        "Haeundae-ro|Jong-ro|Itaewon-ro|Bukchon-ro|Dongil-ro",
        "Seoul:0####:Gangnam-gu,Jung-gu,Mapo-gu,Jongno-gu,Songpa-gu,Yongsan-gu|"
        "Busan:4####:Haeundae-gu,Suyeong-gu|Incheon:2####:Yeonsu-gu,Namdong-gu|"
        "Seongnam-si:13###:Bundang-gu",
        "naver.com|daum.net|hanmail.net|kakao.com|nate.com",
    )
)
_add(
    C(
        "VN",
        "Vietnam",
        "vi",
        "Minh|Tuấn|Hùng|Dũng|Quang|Huy|Khoa|Phúc|Thành|Trung|Bảo|Long",
        "Minh Anh|Linh|Hương|Thảo|Ngọc|Trang|Lan|Mai|Phương|Thu Hà|Hạnh|Vy",
        "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Nguyen|Tran|Pham",
        "Lê Lợi|Nguyễn Huệ|Đồng Khởi|Hai Bà Trưng|Lý Thường Kiệt|Trần Hưng Đạo|Phố Huế|"
        "Nguyễn Thị Minh Khai|Điện Biên Phủ|Võ Văn Tần|Hàng Bạc|Bạch Đằng",
        "TP. Hồ Chí Minh:700000:Quận 1,Quận 3,Phường Bến Nghé,Quận Bình Thạnh|"
        "Hà Nội:100000:Quận Hoàn Kiếm,Quận Ba Đình,Quận Cầu Giấy|Đà Nẵng:550000:Quận Hải Châu,"
        "Quận Sơn Trà|Hue:530000:Phường Vĩnh Ninh",
        "gmail.com|yahoo.com.vn|vnn.vn|outlook.com",
    )
)
_add(
    C(
        "TH",
        "Thailand",
        "th",
        "Somchai|Anan|Kittisak|Prasert|Thanawat|Nattapong|"
        "Chaiwat|Wichai|Somsak|Pongsakorn|Tanakorn",
        "Siriporn|Nattaya|Kanokwan|Ploy|Pimchanok|Suda|Malee|Wanida|Chutima|Rattana|Aranya",
        "Saetang|Srisuk|Wongsawat|Chaiyaporn|Kittikhun|Rattanakosin|Thongchai|Sukprasert|"
        "Boonmee|Phromsuwan|Chanthawong|Jaidee|Sirikul|Pattanapong",
        "Soi Sukhumvit 31|Soi Ari 4|Thanon Silom|Soi Thonglor 13|Thanon Ratchadamnoen|"
        "Soi Ekkamai 10|Thanon Nimmanhaemin|Thanon Charoen Krung|"
        "Soi Lat Phrao 71|Thanon Phahonyothin",
        "Bangkok:10###:Khlong Toei Nuea Watthana,Bang Rak,Phaya Thai,Chatuchak|"
        "Chiang Mai:50200:Suthep Mueang|Phuket:83000:Talat Yai Mueang|Khon Kaen:40000:Nai Mueang",
        "hotmail.com|gmail.com|yahoo.co.th",
    )
)
_add(
    C(
        "ID",
        "Indonesia",
        "id",
        "Budi|Agus|Dedi|Rizky|Ahmad|Eko|Bambang|Hendra|Joko|Wahyu|Fajar|Putu|Made",
        "Siti|Dewi|Sri|Nur|Putri|Wulandari|Ayu|Rina|Fitri|Intan|Ketut|Ratna|Lestari",
        "Santoso|Wijaya|Saputra|Hidayat|Susanto|Gunawan|Kusuma|Pratama|Setiawan|Nugroho|"
        "Siregar|Nasution|Simanjuntak|Tanoto|Halim|Purnomo|Sitompul",
        "Jl. Sudirman|Jl. Kemang Raya|Jl. Malioboro|Jl. Gatot Subroto|Jl. Thamrin|Jl. Diponegoro|"
        "Jl. Raya Ubud|Jl. Braga|Jl. Pemuda|Jl. Cikini Raya|Jl. Ahmad Yani",
        "Jakarta Selatan:12###:Kebayoran Baru,Kemang,Setiabudi|Jakarta Pusat:10###:Menteng,Gambir|"
        "Bandung:40###:Coblong,Sukajadi|Yogyakarta:55###:Gondokusuman|Surabaya:60###:Gubeng,"
        "Tegalsari|Denpasar:80###:Denpasar Selatan",
        "yahoo.co.id|gmail.com|telkom.net",
    )
)
_add(
    C(
        "PH",
        "Philippines",
        "en",
        "John Paul|Mark Anthony|Jericho|Rommel|Joel|Ramon|Carlo|Jayson|Paolo|Emmanuel|Angelo",
        "Maria Cristina|Lourdes|Rowena|Jocelyn|Marites|Kristine|Rhea|Angelica|Joy|Princess|Divina",
        "Santos|Reyes|Cruz|Bautista|Ocampo|Garcia|Mendoza|Torres|Dela Cruz|Villanueva|Aquino|"
        "Macapagal|Dimaculangan|Manalo|Castillo|Soriano|Pangilinan",
        "Ayala Avenue|Ortigas Avenue|Kalayaan Avenue|Katipunan Avenue|J.P. Rizal Street|"
        "Aguirre Avenue|Timog Avenue|Osmeña Boulevard|Mabini Street|Sampaguita Street",
        "Makati City:12##:Brgy. San Antonio,Brgy. Poblacion,Bel-Air|Quezon City:11##:Brgy. "
        "Loyola Heights,Diliman|Pasig City:16##:Brgy. Kapitolyo|Cebu City:6000:Lahug|"
        "Davao City:8000:Poblacion District",
        "yahoo.com|gmail.com|outlook.com",
    )
)
_add(
    C(
        "NG",
        "Nigeria",
        "en",
        "Chidi|Emeka|Oluwaseun|Babatunde|Tunde|Ikechukwu|Abubakar|Musa|Obinna|Femi|Uchenna|Yusuf",
        "Chiamaka|Ngozi|Adaeze|Funmilayo|Folake|Amaka|Zainab|Halima|Titilayo|Nneka|Yetunde|Ifeoma",
        "Okeke|Adeyemi|Okafor|Balogun|Ogunleye|Nwosu|Eze|Ibrahim|Bello|Abubakar|Adebayo|"
        "Olawale|Chukwu|Obi|Danjuma|Nwachukwu|Oyelaran",
        "Adeola Odeku Street|Awolowo Road|Allen Avenue|Admiralty Way|Bode Thomas Street|"
        "Herbert Macaulay Way|Aminu Kano Crescent|Ahmadu Bello Way|Ogui Road|Isaac John Street",
        "Lagos:10####:Victoria Island,Ikoyi,Lekki Phase 1,Surulere,Ikeja GRA|"
        "Abuja:9#####:Wuse 2,Maitama,Garki|Enugu:40####:Independence Layout|"
        "Ibadan:200###:Bodija",
        "yahoo.com|gmail.com|hotmail.com",
    )
)
_add(
    C(
        "KE",
        "Kenya",
        "sw",
        "Amani|Otieno|Kamau|Kipchoge|Mwangi|Odhiambo|Wafula|Njoroge|Baraka|Kiprono|Juma|Omondi",
        "Wanjiru|Akinyi|Njeri|Achieng|Chebet|Wambui|Nyambura|Atieno|Jepkosgei|Zawadi|Imani|Auma",
        "Otieno|Kamau|Mwangi|Ochieng|Kiprop|Wanyama|Njoroge|Mutua|Kariuki|Onyango|Chege|Macharia|"
        "Kibet|Omondi|Wekesa|Maina",
        "Ngong Road|Riverside Drive|Kenyatta Avenue|Moi Avenue|Waiyaki Way|Argwings Kodhek Road|"
        "Lenana Road|Kiambu Road|Oginga Odinga Street|Nyali Road",
        "Nairobi:00###:Kilimani,Westlands,Lavington,Karen,South B|Mombasa:80100:Nyali,Tudor|"
        "Kisumu:40100:Milimani",
        "gmail.com|yahoo.com|africaonline.co.ke",
    )
)
_add(
    C(
        "GH",
        "Ghana",
        "en",
        "Kwame|Kofi|Kwabena|Yaw|Kwaku|Kojo|Nana Kwame|Ebo|Fiifi|Selorm|Elikem|Kwesi",
        "Ama|Akosua|Abena|Efua|Adwoa|Afua|Yaa|Esi|Akua|Dzifa|Naa Adjeley|Mawusi",
        "Mensah|Boateng|Owusu|Asante|Osei|Agyeman|Appiah|Ofori|Addo|Amoah|Quaye|Tetteh|Ansah|"
        "Adjei|Darko|Kuffour|Nkrumah",
        "Oxford Street|Ring Road Central|Liberation Road|Independence Avenue|Spintex Road|"
        "Labone Crescent|Oroko Street|Nsawam Road|Kojo Thompson Road",
        "Accra:GA-###-####:Osu,East Legon,Cantonments,Labone|Kumasi:AK-###-####:Adum,Ahodwo|"
        "Takoradi:WS-###-####:Market Circle|Tema:GT-###-####:Community 11",
        "yahoo.com|gmail.com|ghanamail.com",
    )
)
_add(
    C(
        "ET",
        "Ethiopia",
        "am",
        "Abebe|Tesfaye|Dawit|Yohannes|Getachew|Bekele|Haile|Mulugeta|Solomon|Biniam|Kidus|Girma",
        "Tigist|Selamawit|Hirut|Mekdes|Meseret|Bethlehem|Almaz|Tsion|Hanna|Mahlet|Liya|Saba",
        "Tadesse|Bekele|Haile|Gebremedhin|Alemu|Kebede|Wolde|Mengistu|Tesfaye|Abera|Girma|Desta|"
        "Gebre-Egziabher|Assefa|Worku",
        "Bole Road|Africa Avenue|Churchill Avenue|Cameroon Street|Haile Gebrselassie Road|"
        "Ras Desta Damtew Street|Meskel Square Road",
        "Addis Ababa:1000:Bole Sub-City,Kirkos Sub-City,Yeka Sub-City|Bahir Dar:6000:Kebele 14|"
        "Hawassa:1###:Tabor Sub-City",
        "gmail.com|yahoo.com|ethionet.et",
    )
)
_add(
    C(
        "ZA",
        "South Africa",
        "en",
        "Thabo|Sipho|Johan|Pieter|Lwazi|Mandla|Themba|Riaan|Kagiso|Bongani|Tshepo|Ruan",
        "Nomvula|Thandiwe|Lerato|Zanele|Annelie|Karabo|Naledi|"
        "Michelle|Lindiwe|Palesa|Anke|Busisiwe",
        "Nkosi|Dlamini|Ndlovu|Khumalo|Mokoena|Van der Merwe|Botha|Pretorius|Naidoo|Govender|"
        "Mthembu|Zulu|Molefe|Du Plessis|Venter|Maharaj|Coetzee|Mahlangu",
        "Long Street|Bree Street|Jan Smuts Avenue|Vilakazi Street|Oxford Road|Florida Road|"
        "Main Road|Church Street|Voortrekker Road|Beach Road|Rivonia Road",
        "Cape Town:8001|Johannesburg:2###|Durban:4001|Pretoria:0###|Sea Point:8005|"
        "Soweto:1804|Stellenbosch:7600|Sandton:2196",
        "mweb.co.za|telkomsa.net|webmail.co.za|gmail.com",
    )
)

# Names written by a mixed team when a record is deliberately international ("XX").
COUNTRY_CODES = sorted(COUNTRIES)

# The following pools are not tied to a country.

HANDLES = _p(
    "sunnyside77|bluefox_22|tigerlily|mountaingoat|coffeeaddict|nightowl.dev|kayak_fan|"
    "spaceman88|greenleaf|lazycat|pixelpusher|redpanda99|moonwalker|starfruit|thunderbird_7|"
    "papercrane|saltwater|oldschool84|bookworm.k|cloudberry|quietstorm|blackcoffee|"
    "windrunner|lemonade42|cosmic.turtle|ironbark|marigold_x|snowdrift|hazelnut|orbital9"
)

# Companies and products: decoy/background material, never personal.
COMPANIES = _p(
    "Northwind Traders|Contoso Ltd|Globex Logistics|Initech Systems|Umbrella Analytics|"
    "Vandelay Imports|Stark Freight|Acme Hardware|Wayne Textiles|Hooli Cloud|Tyrell Biotech|"
    "Soylent Foods|Cyberdyne Robotics|Pied Piper Storage|Aperture Labs|Gringotts Finance|"
    "Blue Harbor Shipping|Sunrise Dental Group|Lakeside Clinic|Meridian Pharma|"
    "Helios Energy|Orion Payroll|Nimbus Telecom|Falcon Couriers|Quantum Leap Fitness"
)
COMPANY_DOMAINS = _p(
    "northwind-traders.com|contoso.com|globex-logistics.net|initech.io|umbrella-analytics.com|"
    "vandelay.co|starkfreight.com|acmehardware.shop|waynetextiles.com|hooli.cloud|"
    "tyrellbio.com|soylentfoods.eu|cyberdyne.tech|piedpiper.io|aperturelabs.org|"
    "blueharbor-shipping.com|sunrisedental.co.uk|meridianpharma.de|helios-energy.fr|"
    "orionpayroll.com|nimbustel.net|falconcouriers.ae|qlfitness.com.au|lakesideclinic.org"
)
PRODUCTS = _p(
    "Galaxy S23|iPhone 15 Pro|ThinkPad X1 Carbon|PlayStation 5|Kindle Paperwhite|"
    "AirPods Pro|Dyson V15|Nespresso Vertuo|Surface Pro 9|Pixel 8|MacBook Air M2|"
    "Nintendo Switch|Garmin Forerunner 265|Sonos Era 100|Roomba j7|Thermomix TM6|"
    "Philips Hue Bridge|Fairphone 5|Steam Deck|Kobo Clara|Bosch Serie 6|Miele WWD 320|"
    "Logitech MX Master 3S|Canon EOS R6|Raspberry Pi 5|Xiaomi Redmi Note 13"
)
SOFTWARE = _p(
    "Windows 11|macOS Sonoma|Android 14|iOS 17.2|Ubuntu 22.04 LTS|Chrome|Firefox ESR|"
    "Outlook|Teams|Slack|Zoom|SAP GUI|Salesforce|Jira|Confluence|Excel|PostgreSQL 15|"
    "Kubernetes|Docker Desktop|VPN client|Citrix Workspace|Okta Verify|Authenticator"
)

# Brands and places named after people: PERSON-shaped, but not personal data here.
EPONYMS = _p(
    "Tim Hortons|Ben & Jerry's|Marks & Spencer|Johnson & Johnson|Dr. Oetker|Hugo Boss|"
    "Mercedes-Benz|Procter & Gamble|Louis Vuitton|Jack Wolfskin|Charles de Gaulle Airport|"
    "John F. Kennedy International Airport|Ronald McDonald House|Jean Coutu|Baskin-Robbins|"
    "Tommy Hilfiger|Kellogg's|Galeries Lafayette|Ferdinand Porsche Strasse|Carl Zeiss|"
    "Max Planck Institute|Marie Curie Hospice|Leonardo da Vinci Airport|Ernst & Young"
)
