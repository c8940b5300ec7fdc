"""The general forms of names in wire copy, each in invented sentences, with the answer the
entity conventions give (`../shared/real/README.md`): a facility is a place (LOC), a product or
a stock index is no entity, an unnamed body is not listed, the fullest name is the name and
every form of it a mention. A found entity answers a name when one of its forms (its name or a
mention, lower case, without a leading "the" or a trailing "'s") is the name's, as the stories'
scorer matches them."""

import re
from pathlib import Path

import pytest

import analysis
from analysis.corpus.evaluate import facts_json
from analysis.facts.extract import model
from analysis.reading.article import Article, parse_dateline

pytestmark = pytest.mark.skipif(
    not model.available(), reason="spaCy's en_core_web_sm is not installed"
)

PLACE = {"GPE": "place", "LOC": "place"}


def _norm(s: str) -> str:
    s = s.lower().replace("\u2019", "'")
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"'s$", "", s).strip(" .,")


def _found(text: str) -> list[tuple[set[str], str]]:
    """Each entity of a story as its forms and its type (GPE and LOC as one)."""
    a = Article(path=Path("/nonexistent/story.txt"), text=text, dateline=parse_dateline(text),
                meta={"published": {"date": "2024-03-14", "precision": "day"}})  # fmt: skip
    entities = facts_json(analysis.load(a))["entities"]
    return [({_norm(e["name"]), *map(_norm, e["mentions"])}, PLACE.get(e["type"], e["type"]))
            for e in entities]  # fmt: skip


def _check(text: str, named: dict[str, str], not_named: list[str]) -> None:
    """Each name of `named` a form of an entity of its type, the names of `not_named` no
    form of any; names joined by " = " are forms of one entity."""
    found = _found(text)
    for name, etype in named.items():
        forms = [_norm(n) for n in name.split(" = ")]
        types = [t for f, t in found if all(n in f for n in forms)]
        assert PLACE.get(etype, etype) in types, (name, etype, found)
    for name in not_named:
        assert not [f for f, _ in found if _norm(name) in f], (name, found)


CASES = {
    "a place with its kind word after it": (
        "ARUSHA, March 14 (Agency) - Heavy rain flooded farms in the Kilombero district and "
        "closed the road along the Wami river, the Morogoro region's disaster office said.",
        {"Kilombero": "GPE", "Wami": "LOC", "Morogoro region": "GPE"},
        [],
    ),
    "a place named again without its kind word": (
        "ATHENS, March 14 (Agency) - Fire crews fought a blaze in the Achaia region for a "
        "third day. Achaia's governor said 40 homes had burned.",
        {"Achaia region = Achaia": "GPE"},
        [],
    ),
    "regions listed before one kind word": (
        "ALMATY, March 14 (Agency) - Snow closed schools in the Kostanay, Pavlodar and Abai "
        "regions on Wednesday.",
        {"Abai region": "GPE"},
        [],
    ),
    "provinces listed after their kind word": (
        "HAVANA, March 14 (Agency) - The storm damaged crops in the provinces of Holguin, "
        "Las Tunas and Camaguey, officials said.",
        {"Las Tunas": "GPE", "Camaguey": "GPE"},
        [],
    ),
    "a region after a compass word": (
        "CAIRO, March 14 (Agency) - Road works in northern Sinai and across the southern "
        "Peloponnese were delayed by the rains.",
        {"Sinai": "LOC", "Peloponnese": "LOC"},
        [],
    ),
    "a university with its city": (
        "ABUJA, March 14 (Agency) - The rector of the Federal University of Technology, Minna, "
        "said fees would rise next year.",
        {"Federal University of Technology, Minna": "ORG"},
        ["Minna"],
    ),
    "a ministry written in lower case is no name": (
        "KAMPALA, March 14 (Agency) - Health ministry figures show cases fell by a third, and "
        "the interior ministry said checkpoints would close.",
        {},
        ["Health ministry", "interior ministry"],
    ),
    "a party with its kind word after it": (
        "LIMA, March 14 (Agency) - A candidate of the small Green Dawn party won the runoff.",
        {"Green Dawn": "ORG"},
        [],
    ),
    "an organisation whose name holds a list": (
        "ULAANBAATAR, March 14 (Agency) - The Ministry of Energy, Mining and Heavy Industry "
        "signed the deal with the Institute of Soil and Water Research.",
        {
            "Ministry of Energy, Mining and Heavy Industry": "ORG",
            "Institute of Soil and Water Research": "ORG",
        },
        ["Mining", "Heavy Industry"],
    ),
    "a team, a league and a stadium": (
        "MADRID, March 14 (Agency) - Striker Tomas Reyes scored twice as Velora beat Kestrel "
        "Rovers 3-1 at the Alameda Park Stadium to stay top of the Premier League table.",
        {"Tomas Reyes": "PERSON", "Alameda Park Stadium": "LOC", "Premier League": "EVENT"},
        [],
    ),
    "a court": (
        "HARARE, March 14 (Agency) - The Constitutional Court dismissed the petition, and the "
        "High Court in Bulawayo will hear the appeal.",
        {"Constitutional Court": "ORG", "High Court": "ORG", "Bulawayo": "GPE"},
        [],
    ),
    "a stock index is no entity": (
        "TOKYO, March 14 (Agency) - The benchmark Nikkei 225 index fell 1.2 percent and the "
        "broader Topix slipped 0.8 percent, while the Dow Jones Industrial Average rose 120 "
        "points.",
        {},
        [
            "Nikkei 225",
            "Nikkei",
            "Topix",
            "Dow Jones Industrial Average",
            "Jones Industrial Average",
        ],
    ),
    "a product is no entity": (
        "BANGALORE, March 14 (Agency) - The agency will launch the earth-observation satellite "
        "Vikra-3 on its Sagar Mk II rocket, and the carrier ordered 40 Aerion X9 jets.",
        {},
        ["Vikra-3", "Sagar Mk II", "Aerion X9"],
    ),
    "a named storm, named again by its name alone": (
        "MANILA, March 14 (Agency) - Typhoon Kalani flooded coastal towns. Kalani is expected "
        "to weaken over the sea on Friday.",
        {"Typhoon Kalani = Kalani": "EVENT"},
        [],
    ),
    "a named operation": (
        "BRASILIA, March 14 (Agency) - The case grew out of Operation Clean Ledger, the "
        "investigation into kickbacks at the state miner.",
        {"Operation Clean Ledger": "EVENT"},
        [],
    ),
    "a bridge and a hospital are places": (
        "DHAKA, March 14 (Agency) - The injured were taken to Sadar General Hospital after a "
        "bus fell from the Meghna bridge.",
        {"Sadar General Hospital": "LOC", "Meghna bridge": "LOC"},
        [],
    ),
    "an agency's byline": (
        "Cabinet agrees budget\n\nBy Nadia Ferro, PA Political Correspondent\n\nMinisters "
        "agreed the budget on Tuesday after a long meeting, officials said.",
        {"Nadia Ferro": "PERSON"},
        ["By Nadia Ferro", "PA Political Correspondent"],
    ),
    "people with particles, and titles before names": (
        "LAGOS, March 14 (Agency) - Nigerian defender Chidi Okafor, 23, joined from Belgian "
        "club Zulte. Opener Farhan Qazi scored 88, and Deputy Minister for Civil Protection "
        "Stavros Kalogerakis visited the site with Pieter van der Berg.",
        {
            "Chidi Okafor": "PERSON",
            "Farhan Qazi": "PERSON",
            "Stavros Kalogerakis": "PERSON",
            "Pieter van der Berg": "PERSON",
        },
        ["Civil Protection Stavros Kalogerakis"],
    ),
    "a person named by an apposition": (
        "JAKARTA, March 14 (Agency) - Most victims were asleep, said Wahyu Santoso, a "
        "spokesman for the disaster agency.",
        {"Wahyu Santoso": "PERSON"},
        [],
    ),
    "a title word is no organisation": (
        "ASTANA, March 14 (Agency) - The Kazakh Prosecutor said the case was closed, and the "
        "Returning Officer declared the result.",
        {},
        ["Kazakh Prosecutor", "Returning Officer"],
    ),
    "a portfolio before a title": (
        "DHAKA, March 14 (Agency) - Water Resources and Flood Control Minister Rafiq Alam "
        "opened the embankment.",
        {"Rafiq Alam": "PERSON"},
        ["Water Resources", "Flood Control"],
    ),
    "a common word at a sentence's start is no name": (
        "KUALA LUMPUR, March 14 (Agency) - Decliners beat advancers 400 to 300. Budget "
        "airline AirNusa reported a profit. Gainers included banks.",
        {},
        ["Decliners", "Budget", "Gainers"],
    ),
    "an amount is no name": (
        "DHAKA, March 14 (Agency) - Buses will pay a toll of Tk 120 and cars Tk 60.",
        {},
        ["Tk 120", "Tk 60"],
    ),
    "an acronym in brackets, also in a local language": (
        "BRASILIA, March 14 (Agency) - The Superior Electoral Court (TSE) ruled on Tuesday. "
        "The TSE said turnout was high, and the Kerala State Pollution Control Board "
        "(KL PCB) fined the plant.",
        {
            "Superior Electoral Court": "ORG",
            "TSE": "ORG",
            "Kerala State Pollution Control Board": "ORG",
        },
        [],
    ),
    "a company and its owner named together": (
        "ANKARA, March 14 (Agency) - The forum was opened by the owner of the Barlas Group "
        "Kemal Ozturan.",
        {"Barlas Group": "ORG", "Kemal Ozturan": "PERSON"},
        ["Barlas Group Kemal Ozturan"],
    ),
    "a country's agency before its name": (
        "NAIROBI, March 14 (Agency) - The quake struck at a depth of 10 km, according to the "
        "U.S. Geological Survey.",
        {"U.S. Geological Survey": "ORG"},
        [],
    ),
    "a company with and without its legal form": (
        "NAIROBI, March 14 (Agency) - Tana Mills Kenya Ltd said profit rose. Tana Mills "
        "shareholders will vote in May, and the Kilima Trust for Rural Housing said the Kilima "
        "Trust would buy a stake.",
        {
            "Tana Mills Kenya Ltd = Tana Mills": "ORG",
            "Kilima Trust for Rural Housing = Kilima Trust": "ORG",
        },
        [],
    ),
    "an acronym alone before its organisation": (
        "CHC orders refund to buyers\n\nNEW DELHI, March 14 (Agency) - The Calcutta High Court on "
        "Monday ordered the builder to refund the deposits.",
        {"Calcutta High Court = CHC": "ORG"},
        [],
    ),
    "a place's name with a particle, a place before a title": (
        "HAVANA, March 14 (Agency) - Floods hit Santiago de Cuba on Monday, and the former "
        "Roraima governor Jonas Leite was arrested.",
        {"Santiago de Cuba": "GPE", "Roraima": "GPE", "Jonas Leite": "PERSON"},
        ["Santiago"],
    ),
    "a disease's pandemic": (
        "KUALA LUMPUR, March 14 (Agency) - Tourism has recovered from the Covid-19 pandemic, "
        "the ministry said.",
        {"Covid-19 pandemic": "EVENT"},
        [],
    ),
    "a board with its country, and its acronym": (
        "KARACHI, March 14 (Agency) - A Pakistan Hockey Board (PHB) official said the PHB "
        "would host the tournament.",
        {"Pakistan Hockey Board = PHB": "ORG"},
        ["Hockey Board"],
    ),
    "a person joined to a person": (
        "NEW DELHI, March 14 (Agency) - A bench of Justices Meera Rao and Alok Verma dismissed "
        "the appeal.",
        {"Meera Rao": "PERSON", "Alok Verma": "PERSON"},
        [],
    ),
    "a tool is no entity": (
        "NEW YORK, March 14 (Agency) - Traders see a 90% chance of a cut, according to the "
        "RateScope tool.",
        {},
        ["RateScope"],
    ),
    "a bank named with its country at its end": (
        "KUALA LUMPUR, March 14 (Agency) - Bank Rakyat Malaysia will announce its rate decision "
        "on Thursday.",
        {"Bank Rakyat Malaysia": "ORG"},
        ["Malaysia"],
    ),
    "a journal": (
        "SANTIAGO, March 14 (Agency) - The findings were published on Monday in the journal "
        "Stellar Letters.",
        {"Stellar Letters": "ORG"},
        [],
    ),
    "an event named by part of its name": (
        "TEHRAN, March 14 (Agency) - Kenya won the Continental Rowing World Cup on Sunday, its "
        "first World Cup title since 2009.",
        {"Continental Rowing World Cup = World Cup": "EVENT"},
        [],
    ),
    "a market's slug before a name": (
        "MARKETS-Wall Street falls as yields rise\n\nNEW YORK, March 14 (Agency) - Stocks fell "
        "on Thursday.",
        {"Wall Street": "LOC"},
        ["MARKETS-Wall Street"],
    ),
    "an organisation after its country's possessive": (
        "NAIROBI, March 14 (Agency) - According to Kenya's Ministry of Water, Sanitation and "
        "Irrigation, 12 dams are under construction.",
        {"Ministry of Water, Sanitation and Irrigation": "ORG", "Kenya": "GPE"},
        [],
    ),
    "a person the model leaves unnamed, the subject of a verb": (
        "MONTERREY, March 14 (Agency) - Eusebio Zamarripa Treviño took 41% of the vote in "
        "Sunday's election. Zamarripa thanked his voters.",
        {"Eusebio Zamarripa Treviño = Zamarripa": "PERSON"},
        [],
    ),
    "a surname the model took for a place": (
        "LAHORE, March 14 (Agency) - Opener Imtiaz Qazi scored 104 off 121 balls. Qazi was "
        "named man of the match, and Haris Bhatti took three wickets. Bhatti was rested.",
        {"Imtiaz Qazi = Qazi": "PERSON", "Haris Bhatti = Bhatti": "PERSON"},
        [],
    ),
    "a portfolio that is a list, the last word a surname too": (
        "DHAKA, March 14 (Agency) - Ports and Bridges Minister Selim Haque opened the road.",
        {"Selim Haque": "PERSON"},
        ["Bridges", "Ports"],
    ),
    "a person's surname after a particle": (
        "RECIFE, March 14 (Agency) - Senator Luiza Beatriz da Costa met Mayor Pieter van der Wal "
        "and the envoy Khalid bin Hamad on Thursday.",
        {
            "Luiza Beatriz da Costa": "PERSON",
            "Pieter van der Wal": "PERSON",
            "Khalid bin Hamad": "PERSON",
        },
        [],
    ),
    "a place's name inside a person's is no mention of the place": (
        "PANAMA CITY, March 14 (Agency) - President Carlos Montenegro met Prime Minister "
        "Rosa Lima and Maria dos Santos on Monday.",
        {"Carlos Montenegro": "PERSON", "Maria dos Santos": "PERSON"},
        ["Santos", "Lima", "Montenegro"],
    ),
    "an organisation of a country": (
        "QUITO, March 14 (Agency) - Rosa Vera of the Communist Party of Peru spoke after "
        "officials of the Central Bank of Bolivia.",
        {"Communist Party of Peru": "ORG", "Central Bank of Bolivia": "ORG"},
        ["Peru", "Bolivia"],
    ),
    "a place after its kind word and 'of'": (
        "BELEM, March 14 (Agency) - Floods hit the northern state of Rio Grande do Norte and "
        "the city of Maraba, the civil defence said.",
        {"Rio Grande do Norte": "GPE", "Maraba": "GPE"},
        ["Rio Grande"],
    ),
    "a competition named by its lead word is no person": (
        "ASUNCION, March 14 (Agency) - The Copa Sudamericana final was moved, and the Tour de "
        "Pologne starts on Friday.",
        {"Tour de Pologne": "EVENT"},
        ["Copa Sudamericana"],
    ),
    "a person the model takes for a place, by a first name": (
        "MONTEVIDEO, March 14 (Agency) - Penarol pulled one back through Franco Alfonso in the "
        "61st minute, and the Victoria Station crowd cheered the Paris Club envoy.",
        {"Franco Alfonso": "PERSON", "Victoria Station": "LOC"},
        [],
    ),
    "a movement named before its noun": (
        "QUITO, March 14 (Agency) - The candidate of the Citizen Dawn movement and of the Green "
        "Tide coalition conceded.",
        {"Citizen Dawn": "ORG", "Green Tide": "ORG"},
        [],
    ),
    "an acronym the gazetteer knows after the name it abbreviates": (
        "DAKAR, March 14 (Agency) - The United Nations Children's Fund (UNICEF) sent tents.",
        {"United Nations Children's Fund = UNICEF": "ORG"},
        [],
    ),
}


@pytest.mark.parametrize("form", list(CASES))
def test_a_general_form_of_name(form):
    text, named, not_named = CASES[form]
    _check(text, named, not_named)
