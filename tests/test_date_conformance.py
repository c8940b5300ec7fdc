"""Date expressions as wire copy writes them, family by family, each in an invented sentence
with the ISO value the gold conventions give (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, a
`start/end` range, a date-time with its zone; "the end of the year" is its last day; None
where the text cannot fix it).

Each story is filed from Nairobi (UTC+03:00). With a publication date, it is 15 May 2024, a
Wednesday, unless the case gives another; the families are read again with no publication
date, where only what the text itself fixes has a value.

The choices the conventions leave to a reader, made once here:
- a weekday, a month or a quarter named without its year is placed by its clause's tense: the
  last one in a clause of the past, the next in one of the future; "next Friday" is the coming
  Friday, "last Monday" the one before the story's day;
- a part of a period the text does not fix more finely ("early March", "late 2024",
  "mid-2025") keeps the period's own precision; as a bound ("by late 2024", "by mid-2025") it
  is the day the part ends on, as "by the end of the year" is; "since mid-July" starts on the
  15th;
- a stretch up to the story's day counts whole units: "the past three months" are the three
  months before the publication month, "the past year" runs from the year before to this one,
  "the past three weeks" are the 21 days to the story's day; "the coming weeks" is open;
- "since X" runs from X to the story's day, unless it marks a point of comparison ("the lowest
  since 2019": 2019);
- a quarter named by its months ("the December quarter") is its months, a numbered one of a
  calendar year is YYYY-Qn;
- a deadline ("within five days") runs from the story's day to the day that ends it; a time
  taken ("was built within 18 months", "for three years"), an age, a rate ("year-on-year") or a
  frequency ("24/7") is no date.
"""

from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.facts import extract
from analysis.facts.extract import model
from analysis.reading.article import Article, parse_dateline

pytestmark = pytest.mark.skipif(
    not model.available(), reason="spaCy's en_core_web_sm is not installed"
)

DAY = "2024-05-15"  # a Wednesday


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("\u2019", "'").split()).strip(" .,")


def _table(text: str, published: str | None) -> pd.DataFrame:
    meta = {"published": {"date": published, "precision": "day"}} if published else {}
    a = Article(path=Path("/nonexistent/story.txt"), text=text, dateline=parse_dateline(text),
                meta=meta)  # fmt: skip
    return extract.extract_facts(a, analysis.load(a)["sentences"])["dates"]


def _found(sentence: str, published: str | None, dateline: str = "NAIROBI (Agency) - "):
    d = _table(dateline + sentence, published)
    return [(t, None if pd.isna(v) else v) for t, v in zip(d["text"], d["date"])]


def _value(found, words: str):
    """The value of the date whose words overlap `words` most (as the scorer matches them)."""
    w = _norm(words)
    hits = [(t, v) for t, v in found if _norm(t) in w or w in _norm(t)]
    if not hits:
        return "<not found>"
    return min(hits, key=lambda h: abs(len(_norm(h[0])) - len(w)))[1]


# (family, sentence, the date's words, its ISO value, publication date)
C = [
    # ---- absolute days, in every order and spelling --------------------------------------
    ("day", "The treaty was signed on 22 October.", "on 22 October", "2023-10-22", DAY),
    ("day", "The summit will open on 22 October.", "on 22 October", "2024-10-22", DAY),
    ("day", "Parliament meets on Oct. 22 to elect a speaker.", "Oct. 22", "2024-10-22", DAY),
    ("day", "The vote is set for October 22nd.", "October 22nd", "2024-10-22", DAY),
    ("day", "The ferry sank on the 3rd of May.", "the 3rd of May", "2024-05-03", DAY),
    ("day", "The ship docked on 22 Oct 2023 in Mombasa.", "22 Oct 2023", "2023-10-22", DAY),
    ("day", "The ship docked on Oct. 22, 2023, in Mombasa.", "Oct. 22, 2023", "2023-10-22",
     DAY),
    ("day", "The board met on Sept. 9 and again on May 2.", "Sept. 9", "2023-09-09", DAY),
    ("day", "The board met on Sept. 9 and again on May 2.", "May 2", "2024-05-02", DAY),
    ("day", "The plant opened on Dec. 28, the company said.", "Dec. 28", "2024-12-28",
     "2025-01-09"),
    ("day", "Ballots will be counted on Jan. 3.", "Jan. 3", "2025-01-03", "2024-12-20"),
    ("day", "The May 3 election was peaceful.", "May 3", "2024-05-03", DAY),
    ("day", "The ruling overturned the Dec. 5 vote.", "Dec. 5", "2023-12-05", DAY),
    ("day", "The court adjourned the case to June 4.", "June 4", "2024-06-04", DAY),
    ("day", "The trial was adjourned twice, most recently to May 2.", "May 2", "2024-05-02",
     DAY),
    ("day", "The accounts were audited as of 31.03.2024.", "31.03.2024", "2024-03-31", DAY),
    ("day", "Voting closes on 30/06/2024, the commission said.", "30/06/2024", "2024-06-30",
     DAY),
    ("day", "The decree took effect on 2024-03-01.", "2024-03-01", "2024-03-01", DAY),
    ("day", "Strikes began on Tuesday, May 14, at the port.", "Tuesday, May 14", "2024-05-14",
     DAY),
    ("day", "The talks ended on Monday 13 May in Geneva.", "Monday 13 May", "2024-05-13", DAY),
    ("day", "The bridge closed on MAY 2 for repairs.", "MAY 2", "2024-05-02", DAY),
    ("day", "Hearings run from 3 to 5 June.", "from 3 to 5 June", "2024-06-03/2024-06-05",
     DAY),
    ("day", "Output fell in the week to May 10.", "the week to May 10",
     "2024-05-04/2024-05-10", DAY),
    # ---- weekdays, in past and future clauses -------------------------------------------
    ("weekday", "The minister resigned on Monday.", "on Monday", "2024-05-13", DAY),
    ("weekday", "The board will meet on Monday.", "on Monday", "2024-05-20", DAY),
    ("weekday", "Police said Tuesday that two men were held.", "Tuesday", "2024-05-14", DAY),
    ("weekday", "Rescuers reached the village late Tuesday.", "late Tuesday", "2024-05-14",
     DAY),
    ("weekday", "The talks resume next Friday.", "next Friday", "2024-05-17", DAY),
    ("weekday", "Gunmen attacked a bus last Sunday.", "last Sunday", "2024-05-12", DAY),
    ("weekday", "The cabinet will decide this Thursday.", "this Thursday", "2024-05-16", DAY),
    ("weekday", "The airport reopened this Monday.", "this Monday", "2024-05-13", DAY),
    ("weekday", "The bank cut its rate on Wednesday.", "on Wednesday", "2024-05-15", DAY),
    ("weekday", "Aid may arrive as early as Saturday.", "Saturday", "2024-05-18", DAY),
    ("weekday", "Turnout in Sunday's vote was low.", "Sunday", "2024-05-12", DAY),
    ("weekday", "Parties campaigned ahead of Sunday's vote.", "Sunday", "2024-05-19", DAY),
    ("weekday", "The new fares apply from Monday.", "from Monday", "2024-05-20", DAY),
    ("weekday", "A fire broke out on Tuesday night.", "on Tuesday night", "2024-05-14", DAY),
    ("weekday", "The strike will end by Friday.", "by Friday", "2024-05-17", DAY),
    ("weekday", "Results are due before Friday.", "before Friday", "2024-05-17", DAY),
    ("today", "The court ruled today that the law stands.", "today", "2024-05-15", DAY),
    ("today", "The river burst its banks yesterday.", "yesterday", "2024-05-14", DAY),
    ("today", "The envoy arrives tomorrow.", "tomorrow", "2024-05-16", DAY),
    ("today", "The president will speak tonight.", "tonight", "2024-05-15", DAY),
    ("today", "Shops stayed shut this morning.", "this morning", "2024-05-15", DAY),
    ("today", "The vote is due this evening.", "this evening", "2024-05-15", DAY),
    ("today", "Two shops burned last night.", "last night", "2024-05-14", DAY),
    ("today", "Gunfire was heard overnight in the capital.", "overnight",
     "2024-05-14/2024-05-15", DAY),
    ("today", "Officials met earlier today.", "earlier today", "2024-05-15", DAY),
    # ---- weeks ---------------------------------------------------------------------------
    ("week", "Prices fell this week.", "this week", "2024-05-13/2024-05-19", DAY),
    ("week", "Prices fell last week.", "last week", "2024-05-06/2024-05-12", DAY),
    ("week", "Talks resume next week.", "next week", "2024-05-20/2024-05-26", DAY),
    ("week", "The envoy landed earlier this week.", "earlier this week",
     "2024-05-13/2024-05-19", DAY),
    ("week", "Protesters marched over the weekend.", "the weekend", "2024-05-11/2024-05-12", DAY),
    ("week", "Leaders will meet at the weekend.", "the weekend", "2024-05-18/2024-05-19", DAY),
    ("week", "Fans queued last weekend.", "last weekend", "2024-05-11/2024-05-12", DAY),
    ("week", "The festival opens this weekend.", "this weekend", "2024-05-18/2024-05-19", DAY),
    ("week", "Sales rose 2% over the past week.", "the past week", "2024-05-08/2024-05-15",
     DAY),
    ("week", "For the week, the index gained 1.2%.", "For the week", "2024-05-13/2024-05-19",
     DAY),
    # ---- months ----------------------------------------------------------------------------
    ("month", "Inflation eased this month.", "this month", "2024-05", DAY),
    ("month", "Inflation eased last month.", "last month", "2024-04", DAY),
    ("month", "Fuel prices rise next month.", "next month", "2024-06", DAY),
    ("month", "The mine closed earlier this month.", "earlier this month", "2024-05", DAY),
    ("month", "The mine reopens later this month.", "later this month", "2024-05", DAY),
    ("month", "The plant was shut in March.", "in March", "2024-03", DAY),
    ("month", "The plant will restart in March.", "in March", "2025-03", DAY),
    ("month", "The dam will be finished in August.", "in August", "2024-08", DAY),
    ("month", "Floods hit the coast in August.", "in August", "2023-08", DAY),
    ("month", "Rains came in early March.", "early March", "2024-03", DAY),
    ("month", "The port will reopen in late June.", "late June", "2024-06", DAY),
    ("month", "Workers were laid off in mid-April.", "mid-April", "2024-04", DAY),
    ("month", "The loan was repaid at the end of March.", "the end of March", "2024-03-31",
     DAY),
    ("month", "The firm must repay the loan by the end of March.", "the end of March",
     "2025-03-31", DAY),
    ("month", "Work starts at the beginning of June.", "the beginning of June", "2024-06-01",
     DAY),
    ("month", "The fund was launched last March.", "last March", "2024-03", DAY),
    ("month", "The fund was launched in March last year.", "March last year", "2023-03", DAY),
    ("month", "Elections are due in March next year.", "March next year", "2025-03", DAY),
    ("month", "Wheat stocks fell in January, February and March.", "February", "2024-02", DAY),
    ("month", "Exports fell in December.", "in December", "2024-12", "2025-01-09"),
    ("month", "Voters go to the polls in November.", "in November", "2025-11", "2025-01-09"),
    # ---- quarters and halves ----------------------------------------------------------------
    ("quarter", "Net profit rose 8% in Q1.", "Q1", "2024-Q1", DAY),
    ("quarter", "Net profit rose 8% in the first quarter.", "the first quarter", "2024-Q1",
     DAY),
    ("quarter", "Net profit rose 8% in the fourth quarter.", "the fourth quarter", "2023-Q4",
     DAY),
    ("quarter", "Growth will pick up in the third quarter.", "the third quarter", "2024-Q3",
     DAY),
    ("quarter", "The lender posted a third-quarter loss.", "third-quarter", "2023-Q3", DAY),
    ("quarter", "The third quarter of 2023 was weak.", "the third quarter of 2023", "2023-Q3",
     DAY),
    ("quarter", "Sales fell in Q4 2023.", "Q4 2023", "2023-Q4", DAY),
    ("quarter", "Sales fell in the July-September quarter.", "the July-September quarter",
     "2023-07/2023-09", DAY),
    ("quarter", "Sales fell in the December quarter.", "the December quarter",
     "2023-10/2023-12", DAY),
    ("quarter", "Sales rose 5% in the first half.", "the first half", "2024-01/2024-06",
     "2024-08-20"),
    ("quarter", "Sales rose 5% in H1.", "H1", "2024-01/2024-06", "2024-08-20"),
    ("quarter", "Sales rose 5% in 1H2023.", "1H2023", "2023-01/2023-06", DAY),
    ("quarter", "Sales may double in H2 2025.", "H2 2025", "2025-07/2025-12", DAY),
    ("quarter", "Output will rise in the second half of 2025.", "the second half of 2025",
     "2025-07/2025-12", DAY),
    ("quarter", "Revenue for the nine months of the current financial year rose 14%.",
     "the nine months of the current financial year", None, DAY),
    ("quarter", "Profit fell in the October-December period of 2022-23.",
     "October-December period of 2022-23", "2022-10/2022-12", DAY),
    ("quarter", "Profit fell in the January-March quarter of 2022-23.",
     "January-March quarter of 2022-23", "2023-01/2023-03", DAY),
    ("quarter", "The company earned $2 million in the year to March.", "the year to March",
     "2023-04/2024-03", DAY),
    ("quarter", "Revenue fell in the year ended June 30, 2023.",
     "the year ended June 30, 2023", "2022-07/2023-06", DAY),
    ("quarter", "Revenue rose in the 12 months to April.", "the 12 months to April",
     "2023-05/2024-04", DAY),
    # ---- years and decades --------------------------------------------------------------------
    ("year", "The mine opened in 2019.", "in 2019", "2019", DAY),
    ("year", "Such droughts were common in the 1990s.", "the 1990s", "1990/1999", DAY),
    ("year", "The line was built in the early 2000s.", "the early 2000s", "2000/2009", DAY),
    ("year", "The plant will open in mid-2025.", "mid-2025", "2025", DAY),
    ("year", "The plant opened in late 2023.", "late 2023", "2023", DAY),
    ("year", "The plant will open by late 2025.", "by late 2025", "2025-12-31", DAY),
    ("year", "The plant will open by mid-2025.", "by mid-2025", "2025-06-30", DAY),
    ("year", "Talks will resume early next year.", "early next year", "2025", DAY),
    ("year", "Exports fell last year.", "last year", "2023", DAY),
    ("year", "Exports will rise next year.", "next year", "2025", DAY),
    ("year", "Exports will rise in the coming year.", "the coming year", "2025", DAY),
    ("year", "Exports rose this year.", "this year", "2024", DAY),
    ("year", "A deal is expected later this year.", "later this year", "2024", DAY),
    ("year", "Output was higher two years ago.", "two years ago", "2022", DAY),
    ("year", "The 2023/24 season ended early.", "2023/24", "2023/2024", DAY),
    ("year", "The rules date from the 2010s.", "the 2010s", "2010/2019", DAY),
    # ---- periods back and forward from the story's day --------------------------------------
    ("period", "Rents rose 9% in the past three months.", "the past three months",
     "2024-02/2024-04", DAY),
    ("period", "Rents rose 9% over the past year.", "the past year", "2023/2024", DAY),
    ("period", "Forests shrank in the last decade.", "the last decade", "2014/2024", DAY),
    ("period", "The firm will invest $1 billion in the next five years.",
     "the next five years", "2024/2029", DAY),
    ("period", "Aid will arrive in the coming weeks.", "the coming weeks", None, DAY),
    ("period", "Prices have risen 4% so far this year.", "so far this year",
     "2024-01-01/2024-05-15", DAY),
    ("period", "The index is up 6% year to date.", "year to date", "2024-01-01/2024-05-15",
     DAY),
    ("period", "Prices have doubled since 2019.", "since 2019", "2019/2024-05-15", DAY),
    ("period", "The strike has gone on since Tuesday.", "since Tuesday",
     "2024-05-14/2024-05-15", DAY),
    ("period", "The shilling hit its lowest since 2019.", "since 2019", "2019", DAY),
    ("period", "Floods have killed at least 40 people since last Monday.", "since last Monday",
     "2024-05-13/2024-05-15", DAY),
    ("period", "Storms killed 12 people in the past 24 hours.", "the past 24 hours",
     "2024-05-14/2024-05-15", DAY),
    ("period", "More rain is forecast over the next 48 hours.", "the next 48 hours",
     "2024-05-15/2024-05-17", DAY),
    ("period", "Cases doubled over the past two weeks.", "the past two weeks",
     "2024-05-01/2024-05-15", DAY),
    ("period", "Exports rose in the first four months of the year.",
     "the first four months of the year", "2024-01/2024-04", DAY),
    ("period", "Sales rose 3% in January-April.", "January-April", "2024-01/2024-04", DAY),
    # ---- ranges --------------------------------------------------------------------------------
    ("range", "Rains fell between March and May.", "between March and May",
     "2024-03/2024-05", DAY),
    ("range", "Rains fell in March-May.", "March-May", "2024-03/2024-05", DAY),
    ("range", "The fair ran from Monday to Wednesday.", "from Monday to Wednesday",
     "2024-05-13/2024-05-15", DAY),
    ("range", "The plan covers 2023-2025.", "2023-2025", "2023/2025", DAY),
    ("range", "The plan covers 2020-23.", "2020-23", "2020/2023", DAY),
    ("range", "Prices rose between 2015 and 2020.", "between 2015 and 2020", "2015/2020", DAY),
    ("range", "The auction was held Jan 5-7.", "Jan 5-7", "2024-01-05/2024-01-07", DAY),
    ("range", "The summit runs June 3 to 5.", "June 3 to 5", "2024-06-03/2024-06-05", DAY),
    ("range", "The trial ran between March 2019 and February 2021.",
     "between March 2019 and February 2021", "2019-03/2021-02", DAY),
    ("range", "The season runs from June 1 to November 30.", "from June 1 to November 30",
     "2024-06-01/2024-11-30", DAY),
    ("range", "Output fell from January to March.", "from January to March",
     "2024-01/2024-03", DAY),
    ("range", "The show runs May 28-June 2.", "May 28-June 2", "2024-05-28/2024-06-02", DAY),
    ("range", "The rainy season runs from March 1 to June 30.", "from March 1 to June 30",
     "2024-03-01/2024-06-30", DAY),
    ("range", "The fair will run from Tuesday to Thursday.", "from Tuesday to Thursday",
     "2024-05-21/2024-05-23", DAY),
    ("range", "The ferry was moved from June 4 to June 11.", "June 11", "2024-06-11", DAY),
    # ---- ends and bounds -----------------------------------------------------------------------
    ("bound", "The road will be finished by June.", "by June", "2024-06", DAY),
    ("bound", "The road will be finished by the end of the year.", "the end of the year",
     "2024-12-31", DAY),
    ("bound", "The ban stays until 2030.", "until 2030", "2030", DAY),
    ("bound", "The curfew runs through Thursday.", "through Thursday", "2024-05-16", DAY),
    ("bound", "Bids must arrive no later than June 30.", "June 30", "2024-06-30", DAY),
    ("bound", "The talks may last till March.", "till March", "2025-03", DAY),
    # ---- comparisons -------------------------------------------------------------------------------
    ("comparison", "Exports rose 4% in the first quarter from a year earlier.", "a year earlier",
     "2023-Q1", DAY),
    ("comparison", "Imports in April rose 3% from the same month last year.",
     "the same month last year", "2023-04", DAY),
    ("comparison", "Sales in the first half rose from the same period last year.",
     "the same period last year", "2023-01/2023-06", "2024-08-20"),
    ("comparison", "Output rose 3% compared with 2023.", "2023", "2023", DAY),
    ("comparison", "Steel output in April fell 2%, and imports in the period under review rose.",
     "the period under review", "2024-04", DAY),
    ("comparison", "Profit was $3 million, against $2 million a year ago.", "a year ago",
     "2023", DAY),
    # ---- clock times, with their zone and day --------------------------------------------------
    ("time", "The polls closed at 6 p.m. on Tuesday.", "at 6 p.m.", "2024-05-14T18:00+03:00",
     DAY),
    ("time", "Trading halted at 1530 GMT.", "1530 GMT", "2024-05-15T15:30Z", DAY),
    ("time", "The blast came at noon local time.", "noon local time", "2024-05-15T12:00+03:00",
     DAY),
    ("time", "The rocket lifted off at 10.17 am.", "10.17 am", "2024-05-15T10:17+03:00", DAY),
    ("time", "The curfew starts at 2100 local time.", "2100 local time",
     "2024-05-15T21:00+03:00", DAY),
    ("time", "Markets in New York opened at 9:30 a.m. ET.", "9:30 a.m. ET",
     "2024-05-15T09:30-04:00", DAY),
    ("time", "The quake struck at 11:42 p.m. on Monday.", "11:42 p.m.",
     "2024-05-13T23:42+03:00", DAY),
    # ---- no publication date: only what the text fixes -------------------------------------------
    ("undated", "The minister resigned on Monday.", "on Monday", None, None),
    ("undated", "The plant was shut in March.", "in March", None, None),
    ("undated", "The court ruled today that the law stands.", "today", None, None),
    ("undated", "Exports fell last year.", "last year", None, None),
    ("undated", "Prices fell this week.", "this week", None, None),
    ("undated", "The mine opened in 2019.", "in 2019", "2019", None),
    ("undated", "The ship docked on Oct. 22, 2023, in Mombasa.", "Oct. 22, 2023", "2023-10-22",
     None),
    ("undated", "Such droughts were common in the 1990s.", "the 1990s", "1990/1999", None),
    ("undated", "Sales fell in Q4 2023.", "Q4 2023", "2023-Q4", None),
    ("undated", "The firm will invest $1 billion in the next five years.",
     "the next five years", None, None),
    ("undated", "Rains fell between March and May.", "between March and May", None, None),
    ("undated", "The polls closed at 6 p.m. on Tuesday.", "at 6 p.m.", None, None),
    ("undated", "Trading halted at 1530 GMT.", "1530 GMT", None, None),
    ("undated", "The trial ran between March 2019 and February 2021.",
     "between March 2019 and February 2021", "2019-03/2021-02", None),
    ("undated", "Honey sales this year will reach 55 tonnes, up from 40 tonnes in 2023.",
     "this year", "2024", None),
    ("undated", "The field's output this year beat the 2023 level, and it will reach full "
     "capacity by June, up from 60% in 2023.", "by June", "2024-06", None),
]  # fmt: skip

# more of each family, in other words, and dates read from the one named before them
C += [
    ("day", "The verdict is expected on June 20th, 2024.", "June 20th, 2024", "2024-06-20", DAY),
    ("day", "Born on 4 July 1990, he grew up in Kisumu.", "4 July 1990", "1990-07-04", DAY),
    ("day", "The accord, signed Dec. 12, 2015, in Paris, holds.", "Dec. 12, 2015",
     "2015-12-12", DAY),
    ("day", "The tanker was seized on Sunday, May 12.", "Sunday, May 12", "2024-05-12", DAY),
    ("day", "The auction closes Friday, May 17.", "Friday, May 17", "2024-05-17", DAY),
    ("day", "The games open on July 26 and close on Aug. 11.", "Aug. 11", "2024-08-11", DAY),
    ("day", "The hearing was set for Sept 30.", "Sept 30", "2024-09-30", DAY),
    ("day", "The hearing was postponed until July 8.", "until July 8", "2024-07-08", DAY),
    ("day", "Fighting raged on the night of May 11-12.", "May 11-12", "2024-05-11/2024-05-12",
     DAY),
    ("weekday", "The court will rule on Friday morning.", "on Friday morning", "2024-05-17",
     DAY),
    ("weekday", "Clashes erupted early Saturday.", "early Saturday", "2024-05-11", DAY),
    ("weekday", "He is due to fly to Paris on Thursday.", "on Thursday", "2024-05-16", DAY),
    ("weekday", "Shares rose on Monday after Friday's sell-off.", "Friday", "2024-05-10", DAY),
    ("weekday", "By Tuesday evening, 40 bodies had been recovered.", "By Tuesday evening",
     "2024-05-14", DAY),
    ("weekday", "Earlier on Wednesday, the cabinet met.", "on Wednesday", "2024-05-15", DAY),
    ("week", "Engineers will fix the line within the next two weeks.", "the next two weeks",
     "2024-05-15/2024-05-29", DAY),
    ("week", "The rains came in the first week of March.", "the first week of March",
     "2024-03-01/2024-03-07", DAY),
    ("month", "Prices rose early this month.", "early this month", "2024-05", DAY),
    ("month", "Prices rose late last month.", "late last month", "2024-04", DAY),
    ("month", "Rents are due at the start of the month.", "the start of the month",
     "2024-05-01", DAY),
    ("month", "The pact lapsed at the end of last month.", "the end of last month",
     "2024-04-30", DAY),
    ("month", "Exports fell in January and February.", "January", "2024-01", DAY),
    ("month", "Exports have fallen since last month.", "since last month",
     "2024-04/2024-05-15", DAY),
    ("quarter", "Growth slowed in the second quarter of this year.",
     "the second quarter of this year", "2024-Q2", DAY),
    ("quarter", "First-quarter earnings are due next week.", "First-quarter", "2024-Q1", DAY),
    ("quarter", "Output fell in the last quarter of 2023.", "the last quarter of 2023",
     "2023-Q4", DAY),
    ("quarter", "Margins should improve in the April-June quarter.", "the April-June quarter",
     "2024-04/2024-06", DAY),
    ("quarter", "Sales will recover in the first half of next year.",
     "the first half of next year", "2025-01/2025-06", DAY),
    ("year", "The firm was founded in the year 2010.", "2010", "2010", DAY),
    ("year", "Coal will be phased out in the 2030s.", "the 2030s", "2030/2039", DAY),
    ("year", "The city grew fast in the late 1990s.", "the late 1990s", "1990/1999", DAY),
    ("year", "The plant must close by 2030.", "by 2030", "2030", DAY),
    ("year", "The ban was lifted a decade ago.", "a decade ago", "2014", DAY),
    ("year", "The town was founded 50 years ago.", "50 years ago", "1974", DAY),
    ("period", "Forests shrank in the past decade.", "the past decade", "2014/2024", DAY),
    ("period", "The fund will invest over the next decade.", "the next decade", "2024/2034",
     DAY),
    ("period", "It rained 300 mm over the past 10 days.", "the past 10 days",
     "2024-05-05/2024-05-15", DAY),
    ("period", "Prices have doubled since the start of 2023.", "since the start of 2023",
     "2023-01-01/2024-05-15", DAY),
    ("period", "Prices have risen since last year.", "since last year", "2023/2024-05-15", DAY),
    ("period", "Prices have risen since January.", "since January", "2024-01/2024-05-15", DAY),
    ("range", "Output rose from 2019 through 2023.", "from 2019 through 2023", "2019/2023", DAY),
    ("range", "Exports rose between Jan. 1 and March 31.", "between Jan. 1 and March 31",
     "2024-01-01/2024-03-31", DAY),
    ("range", "The festival ran Feb. 27-March 3.", "Feb. 27-March 3", "2024-02-27/2024-03-03",
     DAY),
    ("range", "The plan covers the 2024-2028 period.", "2024-2028", "2024/2028", DAY),
    ("bound", "The bridge will be finished by the end of the month.", "the end of the month",
     "2024-05-31", DAY),
    ("bound", "The bank expects inflation to ease by year-end.", "year-end", "2024-12-31", DAY),
    ("bound", "The rules apply until the end of June.", "the end of June", "2024-06-30", DAY),
    ("bound", "The debt is to be repaid no later than 2027.", "2027", "2027", DAY),
    ("comparison", "Exports rose in the first quarter compared with the same quarter a year "
     "earlier.", "the same quarter a year earlier", "2023-Q1", DAY),
    ("comparison", "Exports rose 5% in April from a month earlier.", "a month earlier",
     "2024-03", DAY),
    ("time", "The blast hit at 3:30 p.m. local time (1230 GMT) on Friday.",
     "3:30 p.m. local time", "2024-05-10T15:30+03:00", DAY),
    ("time", "The blast hit at 3:30 p.m. local time (1230 GMT) on Friday.", "1230 GMT",
     "2024-05-10T12:30Z", DAY),
    ("time", "The vote closed at 08:45 GMT.", "08:45 GMT", "2024-05-15T08:45Z", DAY),
    ("time", "The ship docked at 9 am Beijing time.", "9 am Beijing time",
     "2024-05-15T09:00+08:00", DAY),
    ("anaphor", "The plant opened in 2019. A year later, it closed.", "A year later", "2020",
     DAY),
    ("anaphor", "The dam was finished in 2015; the following year, floods hit.",
     "the following year", "2016", DAY),
    ("anaphor", "The firm was founded in 2010 and listed the same year.", "the same year",
     "2010", DAY),
    ("anaphor", "The minister arrived on Monday and left the next day.", "the next day",
     "2024-05-14", DAY),
    ("anaphor", "Rebels attacked on Monday. The previous day, two soldiers were killed.",
     "The previous day", "2024-05-12", DAY),
    ("anaphor", "The results came two days after Monday's vote.", "two days after Monday",
     "2024-05-15", DAY),
    ("anaphor", "The deal was signed in March. Two months later, it collapsed.",
     "Two months later", "2024-05", DAY),
    ("undated", "The blast hit at 3:30 p.m. local time on Friday.", "3:30 p.m. local time",
     None, None),
    ("undated", "Prices have risen 4% so far this year.", "so far this year", None, None),
    ("undated", "Growth slowed in the first quarter of 2023.", "the first quarter of 2023",
     "2023-Q1", None),
    ("undated", "The road will be finished by the end of 2026.", "the end of 2026",
     "2026-12-31", None),
    ("undated", "The minister arrived on Monday and left the next day.", "the next day", None,
     None),
]  # fmt: skip

# a third batch: markets, courts, sport, science and companies as their desks write them
C += [
    ("day", "The ruling of 31 December, 2023 stands.", "31 December, 2023", "2023-12-31", DAY),
    ("day", "The runoff is on May 26.", "May 26", "2024-05-26", DAY),
    ("day", "The court adjourned the case until next Tuesday.", "next Tuesday", "2024-05-21",
     DAY),
    ("weekday", "Last Friday's jobs report lifted stocks.", "Last Friday", "2024-05-10", DAY),
    ("period", "Aftershocks may occur over the next week.", "over the next week",
     "2024-05-15/2024-05-22", DAY),
    ("quarter", "Jobless numbers fell in July-September 2023. Wages rose during the quarter.",
     "during the quarter", "2023-07/2023-09", DAY),
    ("period", "The insurer must pay the claims within five days.", "within five days",
     "2024-05-15/2024-05-20", DAY),
    ("period", "The plant will be finished within 18 months.", "within 18 months",
     "2024-05-15/2025-11-15", DAY),
    ("weekday", "Leeds, who lost 2-0 on Saturday, will host Derby next week.", "on Saturday",
     "2024-05-11", DAY),
    ("weekday", "The ministry has closed all schools until Monday.", "until Monday",
     "2024-05-20", DAY),
    ("weekday", "Dockers have called a strike starting on Friday.", "on Friday", "2024-05-17",
     DAY),
    ("day", "The judge set sentencing for Sept. 19.", "Sept. 19", "2024-09-19", DAY),
    ("weekday", "The road remained shut until Monday.", "until Monday", "2024-05-13", DAY),
    ("weekday", "Looters struck in the early hours of Tuesday.", "Tuesday", "2024-05-14", DAY),
    ("weekday", "Monday night's storm cut power to 9,000 homes.", "Monday night", "2024-05-13",
     DAY),
    ("month", "Sales peaked in May of 2023.", "May of 2023", "2023-05", DAY),
    ("month", "Sales peaked in March of last year.", "March of last year", "2023-03", DAY),
    ("quarter", "Profit rose in the nine months ended Dec. 31.", "the nine months ended Dec. 31",
     "2023-04/2023-12", DAY),
    ("quarter", "Output fell in the 12 months through March.", "the 12 months through March",
     "2023-04/2024-03", DAY),
    ("quarter", "Revenue beat the year-ago quarter.", "the year-ago quarter", "2023", DAY),
    ("period", "Stocks have gained 9% so far in 2024.", "so far in 2024",
     "2024-01-01/2024-05-15", DAY),
    ("period", "Glaciers will keep shrinking in the coming decades.", "the coming decades", None,
     DAY),
    ("year", "The striker scored 11 league goals last season.", "last season", "2022/2023",
     "2023-07-09"),
    ("year", "The striker hopes to score more goals this season.", "this season", "2023/2024",
     "2023-07-09"),
    ("year", "The storm was the fifth of the hurricane season this season.", "this season",
     None, "2023-07-09"),
    ("year", "The church was built in the 19th century.", "the 19th century", "1800/1899", DAY),
    ("year", "Sea levels will rise this century.", "this century", "2000/2099", DAY),
    ("time", "Markets in New York closed at 4 p.m. Eastern time.", "4 p.m. Eastern time",
     "2024-05-15T16:00-04:00", DAY),
    ("time", "The quake struck at 10:05 WIB.", "10:05 WIB", "2024-05-15T10:05+07:00", DAY),
    ("time", "Voting ends at 8 p.m. (1700 GMT).", "1700 GMT", "2024-05-15T17:00Z", DAY),
]  # fmt: skip

# a story of a place with one fiscal calendar that speaks of its fiscal year counts its quarters
# from that year's first month (India's and Japan's from April); elsewhere they stay calendar
# quarters: (dateline, sentence, the date's words, its ISO value, publication date)
FISCAL = [
    ("MUMBAI (Agency) - ", "The carrier posted a Q3 profit, its best of the current financial "
     "year.", "Q3", "2023-10/2023-12", "2024-02-12"),
    ("MUMBAI (Agency) - ", "Fares rose in the third quarter of the current financial year.",
     "the third quarter of the current financial year", "2023-10/2023-12", "2024-02-12"),
    ("MUMBAI (Agency) - ", "Margins could weaken in the fourth quarter, the financial year's "
     "last.", "the fourth quarter", "2024-01/2024-03", "2024-02-12"),
    ("MUMBAI (Agency) - ", "Revenue for the nine months of the current financial year rose.",
     "the nine months of the current financial year", "2023-04/2023-12", "2024-02-12"),
    ("MUMBAI (Agency) - ", "Profit was Rs 9 crore in the October-December period of the "
     "previous fiscal year.", "October-December period of the previous fiscal year",
     "2022-10/2022-12", "2024-02-12"),
    ("MUMBAI (Agency) - ", "The firm will list before the end of the fiscal year.",
     "the end of the fiscal year", "2024-03-31", "2024-02-12"),
    ("TOKYO (Agency) - ", "The carmaker's net profit rose 8% in the fiscal year to March.",
     "the fiscal year to March", "2023-04/2024-03", DAY),
    ("NAIROBI (Agency) - ", "The lender posted a Q3 profit, its best of the current financial "
     "year.", "Q3", "2023-Q3", "2024-02-12"),
    ("MUMBAI (Agency) - ", "The carrier kept its full-year forecast for the financial year.",
     "full-year", "2023-04/2024-03", "2024-02-12"),
    ("NAIROBI (Agency) - ", "The lender kept its full-year forecast.", "full-year", None,
     "2024-02-12"),
    ("NAIROBI (Agency) - ", "The lender will list before the end of the financial year.",
     "the end of the financial year", None, "2024-02-12"),
]  # fmt: skip


@pytest.mark.parametrize("dateline, sentence, words, iso, published", FISCAL,
                         ids=[f"fiscal: {c[0].split()[0]} {c[2]}" for c in FISCAL])  # fmt: skip
def test_a_fiscal_quarter_counts_from_the_stories_fiscal_year(
    dateline, sentence, words, iso, published
):
    assert _value(_found(sentence, published, dateline), words) == iso


# a season of the calendar is its three months in the dateline's hemisphere, placed by the
# words ("last", "next", "this") or the clause's tense: (dateline, sentence, words, ISO value)
SEASONS = [
    ("BERLIN (Agency) - ", "Farmers lost crops in the summer of 2022.", "the summer of 2022",
     "2022-06/2022-08"),
    ("BERLIN (Agency) - ", "Gas use fell sharply last winter.", "last winter", "2023-12/2024-02"),
    ("BERLIN (Agency) - ", "The ministry will review prices next summer.", "next summer",
     "2025-06/2025-08"),
    ("BERLIN (Agency) - ", "Ticket sales rose this spring.", "this spring", "2024-03/2024-05"),
    ("BERLIN (Agency) - ", "The line will reopen in the autumn.", "in the autumn",
     "2024-09/2024-11"),
    ("BERLIN (Agency) - ", "The drought of the winter of 2021 was the worst.",
     "the winter of 2021", "2020-12/2021-02"),
    ("SYDNEY (Agency) - ", "Power cuts are expected this winter.", "this winter",
     "2024-06/2024-08"),
    ("JOHANNESBURG (Agency) - ", "Demand peaked last summer.", "last summer",
     "2023-12/2024-02"),
]  # fmt: skip


@pytest.mark.parametrize("dateline, sentence, words, iso", SEASONS,
                         ids=[f"season: {c[0].split()[0]} {c[2]}" for c in SEASONS])  # fmt: skip
def test_a_season_is_its_months_in_the_datelines_hemisphere(dateline, sentence, words, iso):
    assert _value(_found(sentence, DAY, dateline), words) == iso


# (family, sentence, words that are in no date): no point or period in time
NOT_DATES = [
    ("none", "The bridge was built within 18 months.", "18 months"),
    ("none", "He served as mayor for three years.", "three years"),
    ("none", "A 45-year-old man was arrested.", "45-year-old"),
    ("none", "The hotline runs 24/7.", "24/7"),
    ("none", "Exports rose 6% year-on-year.", "year-on-year"),
    ("none", "The fee is paid annually.", "annually"),
    ("none", "The club has changed over the years.", "over the years"),
    ("none", "The team won 3-1 and the vote was 7-4.", "3-1"),
    ("none", "The leader began a four-day visit.", "four-day"),
    ("none", "Fiji scored twice in the second half to win the match.", "the second half"),
    ("none", "Banks cut the overnight rate again.", "overnight"),
    ("none", "Worshippers gathered for the noon prayers.", "noon"),
    ("none", "Farmers sowed the winter wheat early.", "winter"),
    ("none", "Rains spoiled the summer harvest in the north.", "summer"),
]


def _id(case) -> str:
    return f"{case[0]}: {case[2]}" + (" (undated)" if case[-1] is None else "")


@pytest.mark.parametrize("family, sentence, words, iso, published", C, ids=map(_id, C))
def test_a_date_expression_has_the_value_the_conventions_give(
    family, sentence, words, iso, published
):
    assert _value(_found(sentence, published), words) == iso


@pytest.mark.parametrize("family, sentence, words", NOT_DATES, ids=[c[2] for c in NOT_DATES])
def test_what_is_no_date_is_not_listed(family, sentence, words):
    found = _found(sentence, DAY)
    assert not [t for t, _ in found if _norm(words) in _norm(t) or _norm(t) in _norm(words)]


def test_a_weekday_and_its_date_are_one_date():
    found = _found("Strikes began on Tuesday, May 14, at the port.", DAY)
    assert found == [("on Tuesday, May 14", "2024-05-14")]


def test_a_headline_tells_in_the_present_what_happened():
    found = _found("The lender posted a record profit on Tuesday.", DAY,
                   "Lender's profit jumps in third quarter\n\nNAIROBI (Agency) - ")  # fmt: skip
    assert _value(found, "third quarter") == "2023-Q3"
    found = _found("The lender will post results on Tuesday.", DAY,
                   "Lender to post profit in third quarter\n\nNAIROBI (Agency) - ")  # fmt: skip
    assert _value(found, "third quarter") == "2024-Q3"
