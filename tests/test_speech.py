"""Quotes, speakers and sources in the forms wire copy writes them (own words, invented facts).

Each test is one general form: a quotation continued after its attribution or over a paragraph
break, a speaker named after the quotation or only by description, a pronoun, a quoted phrase
inside reported speech, a source that is a noun phrase rather than the clause it says.
"""

import pytest

from analysis.facts.extract import model
from analysis.facts.extract.quotations import is_name, quotations
from analysis.reading.article import load
from analysis.tables.bundle import Tables

needs_model = pytest.mark.skipif(not model.available(), reason="en_core_web_sm is not installed")


def _tables(tmp_path, text: str) -> Tables:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    return Tables(load(path, published="2024-05-06"))


def _said(t: Tables, kind: str | None = None) -> dict[str, str]:
    q = t["quotes"]
    if kind:
        q = q[q["kind"] == kind]
    return dict(zip(q["text"], q["speaker"]))


def _sources(t: Tables) -> list[str]:
    s = t["sources"]
    return s.loc[s["role"] == "attributed source", "name"].tolist()


# ---- quotation marks -------------------------------------------------------------------------


def test_a_quotation_running_over_a_paragraph_break_is_one_quotation():
    text = (
        'He said: "The pumps are ready. The pipes are laid.\n\n"Next comes the water," he added.\n'
    )
    found = quotations(text)
    assert len(found) == 1
    assert found[0].words(text) == (
        'The pumps are ready. The pipes are laid.\n\n"Next comes the water'
    )


def test_curly_and_straight_marks_mixed_pair_up():
    text = 'One said “the bridge is open," and another "it is closed” today.'
    assert [q.words(text) for q in quotations(text)] == ["the bridge is open", "it is closed"]


def test_apostrophes_and_single_marks_stay_inside_the_words():
    text = "“The farmers’ union calls it ‘a fair deal’ and we agree,” she said."
    assert [q.words(text) for q in quotations(text)] == [
        "The farmers’ union calls it ‘a fair deal’ and we agree"
    ]


def test_a_name_in_quotation_marks_is_no_speech():
    assert is_name("Silver Road") and is_name("One Port, One Line")
    assert not is_name("a fair deal") and not is_name("We are ready")


# ---- direct quotations and their speakers ----------------------------------------------------


@needs_model
def test_a_quotation_continued_after_its_attribution_keeps_its_speaker(tmp_path):
    t = _tables(
        tmp_path,
        "RIGA (AP) -- Harbour master Ilze Kalnina opened the new quay on Monday.\n\n"
        '"The quay can take three ships at once," Kalnina told reporters at the pier. '
        '"Next year we will dredge the channel."\n\n'
        '"We expect twice the cargo by 2026."\n\n'
        "The port employs 800 people.\n",
    )
    said = _said(t, "direct")
    assert said["The quay can take three ships at once"] == "Ilze Kalnina"
    assert said["Next year we will dredge the channel"] == "Ilze Kalnina"
    assert said["We expect twice the cargo by 2026"] == "Ilze Kalnina"


@needs_model
def test_a_quotation_over_a_paragraph_break_has_the_speaker_of_its_start(tmp_path):
    t = _tables(
        tmp_path,
        "OSLO (Reuters) - Norway's Marit Dahl won the skiing sprint on Sunday.\n\n"
        '"I felt strong from the start," Dahl said. "The snow was fast and the team was great.\n\n'
        '"Now I want the overall title."\n\n'
        "The next race is in Finland.\n",
    )
    said = _said(t, "direct")
    joined = next(k for k in said if k.startswith("The snow was fast"))
    assert joined.endswith('"Now I want the overall title') and "\n\n" in joined
    assert said[joined] == "Marit Dahl"


@needs_model
def test_a_speaker_named_only_after_the_quotation_by_a_description(tmp_path):
    t = _tables(
        tmp_path,
        "Hosts qualify for the final\n\n"
        'The team\'s coach said "this is a day for the whole country" after the win in Lima.\n\n'
        "The side had lost only once in the group.\n\n"
        '"We never gave up," their coach Pablo Ruiz said after the match.\n',
    )
    said = _said(t, "direct")
    assert said["this is a day for the whole country"] == "Pablo Ruiz"
    assert said["We never gave up"] == "Pablo Ruiz"


@needs_model
def test_a_description_of_age_or_title_is_the_person_described_before(tmp_path):
    t = _tables(
        tmp_path,
        "LYON (AFP) - Veteran striker Jean Moreau, 38, scored twice on Saturday. Club president "
        "Anne Girard watched from the stand.\n\n"
        '"My legs still work," the 38-year-old said.\n\n'
        "The Lyon striker also said he would play one more season.\n",
    )
    said = _said(t)
    assert said["My legs still work"] == "Jean Moreau"
    assert said["he would play one more season"] == "Jean Moreau"


@needs_model
def test_a_title_the_story_never_gives_the_speaker_is_the_speaker_near_it(tmp_path):
    t = _tables(
        tmp_path,
        "Port tariffs to fall\n\n"
        "The transport minister said on Monday that port tariffs would fall by a tenth.\n\n"
        "Tomas Varga told parliament the cut would start in July.\n",
    )
    said = _said(t, "reported")
    assert said["port tariffs would fall by a tenth"] == "Tomas Varga"


@needs_model
def test_he_is_the_last_person_who_was_a_subject_by_name_or_by_title(tmp_path):
    t = _tables(
        tmp_path,
        "SOFIA (BTA) - Energy Minister Petar Ivanov spoke in parliament on Monday. Opposition "
        "member Elena Koleva asked about gas prices, to which the minister replied that the "
        "stores were full.\n\n"
        '"We have stored enough gas for the winter," he said in reply to Koleva.\n',
    )
    said = _said(t)
    assert said["the stores were full"] == "Petar Ivanov"
    assert said["We have stored enough gas for the winter"] == "Petar Ivanov"


@needs_model
def test_said_and_a_surname_with_a_clause_after_it_is_that_person(tmp_path):
    t = _tables(
        tmp_path,
        "QUITO (AP) - Coach Diego Vera took the national team to the finals on Tuesday.\n\n"
        '"The players gave everything," said Vera, who replaced Luis Mena as coach in March.\n',
    )
    assert _said(t, "direct")["The players gave everything"] == "Diego Vera"


@needs_model
def test_a_quoted_phrase_inside_reported_speech_is_a_quotation_of_its_speaker(tmp_path):
    t = _tables(
        tmp_path,
        "CAIRO (MENA) - Planning Minister Hala Nour praised the canal workers, describing the "
        'project as a "national success."\n\n'
        "According to Nour, the new locks were finished “ahead of schedule” and under budget.\n\n"
        'Officials said the "Blue Gate" terminal would open in May.\n',
    )
    said = _said(t, "direct")
    assert said["national success"] == "Hala Nour"
    assert said["ahead of schedule"] == "Hala Nour"
    assert "Blue Gate" not in said  # a name in quotation marks


@needs_model
def test_nested_attributions_each_keep_their_own_words(tmp_path):
    t = _tables(
        tmp_path,
        "VIENNA (APA) - Chancellor Karl Huber told Prime Minister Ana Lopes that Austria would "
        "back the rail link, while Lopes said she welcomed the support, a government "
        "spokeswoman said.\n",
    )
    said = _said(t, "reported")
    assert said["Austria would back the rail link"] == "Karl Huber"
    assert said["she welcomed the support"] == "Ana Lopes"
    assert "government spokeswoman" not in set(said.values())


@needs_model
def test_an_attribution_inside_the_sentence_and_one_that_follows_a_comma(tmp_path):
    t = _tables(
        tmp_path,
        "HANOI (VNA) - Among the new projects, Minister Tran Binh said, was a port in the "
        "south.\n\n"
        "Exports rose by a tenth in May, reported the customs office of Vietnam.\n",
    )
    said = _said(t, "reported")
    whole = next(k for k in said if k.startswith("Among the new projects"))
    assert whole.endswith("was a port in the south") and said[whole] == "Tran Binh"
    assert "customs office of Vietnam" in said["Exports rose by a tenth in May"]


@needs_model
def test_a_speech_verb_in_the_passive_or_as_a_hedge_is_no_attribution(tmp_path):
    t = _tables(
        tmp_path,
        "PERTH (AAP) - Rescuers found two boats, believed to belong to local fishermen, near "
        "the reef. The total cost of the search is estimated at $2 million.\n",
    )
    assert t["quotes"].empty


@needs_model
def test_what_a_speaker_stressed_or_touched_upon_is_reported(tmp_path):
    t = _tables(
        tmp_path,
        "DOHA (QNA) - Minister Omar Saleh touched upon the costs of the new airport and stated "
        "that the terminal would open in June. Saleh stressed the importance of the rail link "
        "to the city.\n",
    )
    said = _said(t, "reported")
    assert said["the costs of the new airport"] == "Omar Saleh"
    assert said["the terminal would open in June"] == "Omar Saleh"
    assert said["the importance of the rail link to the city"] == "Omar Saleh"


@needs_model
def test_they_are_the_body_that_spoke_before(tmp_path):
    t = _tables(
        tmp_path,
        "LIMA (AP) - A truck hit a wall on the coast road, according to Callao police. They said "
        "the driver had fallen asleep.\n",
    )
    assert _said(t, "reported")["the driver had fallen asleep"] == "Callao police"


@needs_model
def test_the_headline_and_the_dateline_are_never_statements(tmp_path):
    t = _tables(
        tmp_path,
        "Mayor says the bridge will reopen in June\n\n"
        "TIRANA, May 6 (ATA) - The bridge over the river will reopen in June, Mayor Ardit Hoxha "
        "said on Monday.\n",
    )
    q = t["quotes"]
    assert q["text"].tolist() == ["The bridge over the river will reopen in June"]
    assert q["speaker"].tolist() == ["Ardit Hoxha"]


# ---- sources -------------------------------------------------------------------------------


@needs_model
def test_sources_are_noun_phrases_resolved_to_their_names(tmp_path):
    t = _tables(
        tmp_path,
        "BAKU (Reuters) - The State Water Agency said on Monday the dam was safe. According to "
        "a statement by the agency, repairs will take a month. He added that the committee "
        "prepared the budget. The plan was approved, the newspaper quoted officials as saying. "
        "A source close to the talks said the deal was near.\n",
    )
    names = _sources(t)
    assert "State Water Agency" in names
    assert "officials" in names and "source close to the talks" in names
    assert not any(n.startswith(("that", "quoted", "statement from")) for n in names)


@needs_model
def test_a_listener_that_is_a_publisher_is_a_source(tmp_path):
    t = _tables(
        tmp_path,
        "MANILA (AP) - Finance Secretary Jose Ramos told Reuters the budget would grow. "
        "Ramos also told reporters the tax would stay.\n",
    )
    assert "Reuters" in _sources(t)
    assert "reporters" not in _sources(t)


@needs_model
def test_data_and_a_definite_repeat_are_one_source(tmp_path):
    t = _tables(
        tmp_path,
        "ULAN BATOR (Montsame) - Copper exports rose by a fifth in April, data released by the "
        "National Statistics Office showed. The figure was the highest in a decade, according to "
        "the data. A senior official said prices helped. The official said more mines would "
        "open.\n",
    )
    names = _sources(t)
    assert set(names) == {"National Statistics Office", "senior official"}
    said = _said(t, "reported")
    assert said["The figure was the highest in a decade"] == "National Statistics Office"


@needs_model
def test_where_words_were_said_is_a_source_when_it_is_a_medium_or_a_bodys_meeting(tmp_path):
    t = _tables(
        tmp_path,
        "KIEV (Ukrinform) - Exports will grow, the minister said in an interview with local "
        "radio. Prices will hold, she told a meeting of the Export Council. Roads will open, she "
        "said during a meeting in her office.\n",
    )
    names = _sources(t)
    assert any("Export Council" in n for n in names)
    assert any("radio" in n for n in names)
    assert not any("office" in n for n in names)


# ---- other genres: courts, markets, companies ------------------------------------------------


@needs_model
def test_unnamed_people_and_documents_are_sources_and_speakers(tmp_path):
    t = _tables(
        tmp_path,
        "SANTIAGO (AP) - The peso fell 2% on Monday, traders said. Analysts at local brokerage "
        "Andes Capital said the central bank would act. Economists polled by Reuters expect "
        "the rate to stay at 5%. The figure was the lowest since 2019, according to the "
        "ruling.\n",
    )
    names = _sources(t)
    assert {"traders", "ruling"} <= set(names)
    assert any("Andes Capital" in n for n in names)
    said = _said(t, "reported")
    assert said["the rate to stay at 5%"] == "Economists polled by Reuters"
    assert said["The peso fell 2% on Monday"] == "traders"


@needs_model
def test_a_court_that_found_and_a_court_that_heard(tmp_path):
    t = _tables(
        tmp_path,
        "LONDON (PA) - The appeal was rejected by the appeals court, which found that the "
        "contract had been forged. The driver was hit by a van outside his home, the Old "
        "Bailey heard.\n",
    )
    said = _said(t, "reported")
    assert said["the contract had been forged"] == "appeals court"
    assert said["The driver was hit by a van outside his home"] == "Old Bailey"


@needs_model
def test_no_statement_from_a_modifier_an_infinitive_a_time_clause_or_an_object(tmp_path):
    t = _tables(
        tmp_path,
        "DHAKA (BSS) - The ruling party won 200 seats. More images would be needed to confirm "
        "the damage. The guard left after the manager asked him to close the gate. The index "
        "added 178 points. The delegates were talking over plans for a new port.\n",
    )
    assert t["quotes"].empty and _sources(t) == []


@needs_model
def test_a_credit_line_is_a_source_and_no_statement(tmp_path):
    t = _tables(
        tmp_path,
        "ALMATY. KAZINFORM - The new terminal opened on Monday, the Ministry of Transport "
        "reports.\n",
    )
    assert t["quotes"].empty
    assert _sources(t) == ["Ministry of Transport"]


@needs_model
def test_said_in_a_statement_that_and_in_his_words(tmp_path):
    t = _tables(
        tmp_path,
        "LIMA (AP) - The energy ministry said in a statement that fuel prices would stay "
        "unchanged. Minister Rosa Quispe visited the refinery. In her words, the plant will "
        "double its output.\n",
    )
    said = _said(t, "reported")
    assert said["fuel prices would stay unchanged"] == "energy ministry"
    assert said["the plant will double its output"] == "Rosa Quispe"


@needs_model
def test_a_company_described_after_its_name_and_a_club_of_a_league(tmp_path):
    t = _tables(
        tmp_path,
        "MILAN (ANSA) - Car maker Veloce Motori will cut 900 jobs, the company said. Veloce "
        "Motori posted a loss last year.\n\n"
        "Juventus signed the striker on Tuesday, the Serie A club said.\n",
    )
    said = _said(t, "reported")
    assert said["Car maker Veloce Motori will cut 900 jobs"] == "Veloce Motori"
    assert said["Juventus signed the striker on Tuesday"] == "Juventus"


@needs_model
def test_the_person_named_right_before_the_verb_speaks_for_the_body_before_it(tmp_path):
    t = _tables(
        tmp_path,
        "MANILA (PNA) - In Cebu, Commission on Human Rights (CHR) Commissioner Maria Santos said "
        "the audit found no fraud.\n\n"
        "She said the report would be published in June.\n",
    )
    said = _said(t, "reported")
    assert said["the audit found no fraud"] == "Maria Santos"
    assert said["the report would be published in June"] == "Maria Santos"


@needs_model
def test_a_phrase_quoted_in_the_storys_own_sentence_is_its_subjects(tmp_path):
    t = _tables(
        tmp_path,
        "ACCRA (GNA) - The opposition leader Kwame Mensah said the vote was fair.\n\n"
        "The party chairman, Kofi Boateng, urged his rivals to accept the result "
        '"for the sake of peace" before the court ruling.\n',
    )
    assert _said(t, "direct")["for the sake of peace"] == "Kofi Boateng"


@needs_model
def test_footage_is_a_source_and_what_it_shows_no_statement(tmp_path):
    t = _tables(
        tmp_path,
        "MANILA (AP) - A ferry sank off Cebu on Monday. Television footage showed divers pulling "
        "survivors from the water.\n",
    )
    assert t["quotes"].empty
    assert _sources(t) == ["Television footage"]


@needs_model
def test_the_two_firms_are_the_two_named_before(tmp_path):
    t = _tables(
        tmp_path,
        "NAIROBI (Reuters) - Savanna Steel Ltd and Rift Valley Metals Ltd agreed to merge on "
        "Monday.\n\n"
        "About 300 jobs could go, the two firms said in a joint statement.\n",
    )
    said = _said(t, "reported")
    assert said["About 300 jobs could go"] == "Savanna Steel Ltd and Rift Valley Metals Ltd"


@needs_model
def test_someone_the_story_named_before_is_no_source(tmp_path):
    t = _tables(
        tmp_path,
        'AUCKLAND (AAP) - Winger Tane Ruru scored three tries on Saturday. "It was a team '
        'effort," the winger said. A club spokesman said the stadium would be expanded.\n',
    )
    assert _sources(t) == ["club spokesman"]


def test_a_closing_credit_line_names_its_reporters_and_its_editors(tmp_path):
    t = _tables(
        tmp_path,
        "LIMA (Reuters) - Copper miners went on strike on Tuesday, the union said.\n\n"
        "(Reporting by Ana Quispe in Cusco and Luis Soto; Additional reporting by Marta Gil; "
        "Editing by Paul Reed)\n",
    )
    s = t["sources"]
    assert sorted(s.loc[s["role"] == "reporter", "name"]) == [
        "Ana Quispe",
        "Luis Soto",
        "Marta Gil",
    ]
    assert "Paul Reed" not in set(s["name"])  # an editor is no source
    people = t["entities"].set_index("entity")["type"]
    assert {people[n] for n in ("Ana Quispe", "Luis Soto", "Marta Gil", "Paul Reed")} == {"PERSON"}
    assert "Cusco" in people.index


def test_an_agency_in_a_credit_line_is_the_publisher(tmp_path):
    t = _tables(
        tmp_path,
        "Grain prices fell in March, traders said.\n\n(Reporting by AFP; Editing by Sam Ortiz)\n",
    )
    s = t["sources"]
    assert s.loc[s["role"] == "publisher", "name"].tolist() == ["AFP"]
    assert "Sam Ortiz" not in set(s["name"])


@needs_model
def test_a_source_named_by_its_acronym_is_named_in_full(tmp_path):
    t = _tables(
        tmp_path,
        "GENEVA (AFP) - The Office for Rail Safety (ORS) opened an inquiry on Monday. Two trains "
        "had been late, the ORS said. The UN Office for the Coordination of Humanitarian Affairs "
        "(OCHA) said on Tuesday that aid was arriving.\n",
    )
    names = _sources(t)
    assert "Office for Rail Safety" in names and "ORS" not in names
    assert "UN Office for the Coordination of Humanitarian Affairs" in names
    assert "UN Office for the Coordination of Humanitarian Affairs" in set(t["entities"]["entity"])


@pytest.mark.parametrize(
    "head, tail, reporter, publisher",
    [
        ("By Ana Lopes – Reporter, Agência Brasil\n\n", "", "Ana Lopes", "Agência Brasil"),
        ("Hemi Walker, Health Correspondent\n\n", "", "Hemi Walker", None),
        ("Jack Moore\n(Australian Associated Press)\n\n", "", "Jack Moore", "AAP"),
        (
            "",
            "\n\nThis report by The Canadian Press was first published May 6, 2024.\n",
            None,
            "The Canadian Press",
        ),
    ],
    ids=["byline with a role", "reporter's line", "name over agency", "agency's own last line"],
)
def test_reporters_and_publishers_in_lines_of_their_own(tmp_path, head, tail, reporter, publisher):
    t = _tables(tmp_path, "Ferry fares rise\n\n" + head + "Ferry fares will rise by a tenth "
                "next month, the operator said." + tail)  # fmt: skip
    s = t["sources"]
    if reporter:
        assert s.loc[s["role"] == "reporter", "name"].tolist() == [reporter]
    if publisher:
        assert publisher in s.loc[s["role"] == "publisher", "name"].tolist()


@needs_model
def test_a_body_said_by_its_noun_is_the_one_named_before(tmp_path):
    t = _tables(
        tmp_path,
        "BERLIN (dpa) - The GDL train drivers' union called a strike on Monday. The union said "
        "in a statement that talks had failed. The ministry said it would mediate. A nurse "
        "told KNA that wards were full.\n",
    )
    names = _sources(t)
    assert "GDL" in names and "union" not in names
    assert "ministry" in names  # a state's body is not the union named before
    assert "Kenya News Agency" in names
