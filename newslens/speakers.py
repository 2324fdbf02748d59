"""Speaker resolution inside one article: a quote's speaker mention ("he", "Sanders", "the
defence minister", "Moscow") to the canonical name or body it stands for.

Pronouns go to the most recent person subject whose gender evidence fits (given-name lexicon,
then he/she counted after the person's mentions); surnames and role noun phrases to the fullest
name in the article; capital cities to their governments (lexicons/cues.yaml); bodies are kept as
written. This module does NOT find quotations or their attribution clauses (newslens.quotes) and
does not merge spellings across articles (newslens.names does that corpus-wide).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from .lexicons import load_lexicon
from .model import Article, Sentence
from .names import _TITLES as _ALL_TITLES
from .names import (NAME_RE, NameIndex, PersonMention, find_people, load_cues, load_given_names, load_name_words,
                    looks_like_person, not_name_start, one_word_places, org_stripped, peel_title, trim_name)

CUES = load_cues()
_PRONOUNS = frozenset("he she they it we i you who".split())
_METONYMS = CUES.metonyms
_METONYM_LOWER = {k.lower(): v for k, v in _METONYMS.items()}
_HONORIFICS = frozenset(("Mr", "Mrs", "Ms", "Miss", "Mx"))
_TRAILING_HONORIFIC = re.compile(r"(?:^|\s+)(?:Mr|Mrs|Ms|Miss|Mx|Sir|Dame)\.?$")
_ROLE_HEADS = frozenset(t.lower() for t in CUES.titles) | CUES.role_nouns
_NAME_PARTICLES = frozenset("de da di del della van von der den bin ibn al el la le dos das".split())
# Role nouns that name a body or a document, not one person ("the ministry", "the statement"),
# or too vague a person to pick a named one by ("the official", "the man").
_BODY_HEADS = frozenset("""
ministry department office agency government administration statement report release memo letter
campaign committee source sources group organization organisation company firm newspaper paper
outlet network channel site website poll survey study document filing lawsuit complaint ad
advertisement video post tweet message headline sign banner embassy council kremlin house party
union board commission institute military army police court people voter voters
""".split())
_PERSON_HEADS = frozenset(h for h in (_ROLE_HEADS | load_name_words().descriptors | {"man", "woman"}) - _BODY_HEADS
                          if not (h.endswith("s") and h[:-1] in _ROLE_HEADS))       # not "officials"
_DESCRIPTOR_HEADS = _PERSON_HEADS - {"man", "woman", "official", "resident", "person"}
_POST_TITLES = load_name_words().titles | load_name_words().post_nominals
# ", Oleksandr Striuk, confirmed", ", Macky Sall, who chairs": a proper name in apposition right
# after a descriptor mention ("The city's mayor"), closed by a comma, a bracket or a verb.
_APPOSITIVE_NAME = re.compile(rf",\s+(?P<np>(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){{0,3}}?{NAME_RE})"
                              rf"(?=\s*[,(]|\.(?:\s|$)|\s+(?:who|said|says|told|added|confirmed|wrote|explained)\b)")
# Words of a descriptor that say nothing about which person it is.
_DETERMINERS = frozenset("the a an his her its their this that these those our my your".split())
# "A Scottish government spokesman said", "A senior western official revealed": a descriptor
# subject of a reporting verb of the cue lexicon, a candidate
# antecedent for a following he/she.
_SPEECH_VERBS = "|".join(sorted((v for v, (_, kind) in CUES.verbs.items() if kind == "speech" and " " not in v),
                                key=len, reverse=True))
_DESCRIPTOR_SUBJECT = re.compile(r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?P<np>(?:A|An|One)\s+(?:[\w’'-]+\s+){0,5}?"
                                 rf"(?P<head>[a-z]+))\s+(?:also\s+|has\s+|had\s+)?(?P<verb>{_SPEECH_VERBS})\b")
# "One evening a drunk woman interrupts", "A man shouted": a gendered indefinite subject of any
# verb opening a sentence, after a short adverbial at most
_GENDERED_INDEFINITE = re.compile(r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?:(?!An?\s)[A-Z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3},?\s+"
                                  r"(?P<np1>an?\s+(?:[a-z][\w’'-]*\s+){0,3}?(?P<head1>[a-z]+))|(?P<np2>An?\s+"
                                  r"(?:[a-z][\w’'-]*\s+){0,3}?(?P<head2>[a-z]+)))(?:\s+(?:in|with|from|at|on)\s+"
                                  r"(?:an?|the|his|her)\s+(?:[a-z][\w’'-]*\s+){0,2}?[a-z]+)?\s+(?:[a-z]+(?:s|ed)|was|is|has|had|told|"
                                  r"said|says|came|went|ran|began|sat|stood)\b")
# reporting verbs that take a clause but no person object, so that "said Shishimarin had" opens
# a clause even without "that" (unlike "told", "asked", "questioned", "urged")
_CLAUSE_ONLY_VERBS = frozenset("""say add claim insist argue note suggest believe think stress admit acknowledge
explain state""".split())
# "Valya has lived", "Nina, 64, said": a lone capitalised word opening a sentence, then a
# lowercase word (an optional comma-enclosed aside between), not a longer capitalised run.
_GIVEN_SUBJECT = re.compile(r"(?:(?:^|(?<=[.!?”\"]\s)|(?<=[.!?]”\s))(?P<name>[A-Z][a-z]+)(?:,\s[^,“”\"]{1,60},)?\s+[a-z]"
                            r"|(?:(?<=,\s)|(?<=\d-year-old\s))(?P<name2>[A-Z][a-z]+),?\s+(?:said|says|told|tells|added|"
                            r"recalled|who|was|had|has|[a-z]+ed)\b)")
# "The prime minister", "the teenager", "the 36-year-old": a definite descriptor with at most
# a compound-title modifier
_BARE_DESCRIPTOR = re.compile(r"^(?:the|The)\s+(?:(?P<age>\d+-year-old)|(?:(?P<mod>[a-z]+)\s+)?(?P<head>[a-z]+))$")
# nouns that usually stand for an unnamed source rather than a person named before
_UNNAMED_SOURCES = frozenset("official spokesman spokeswoman spokesperson source aide diplomat".split())
_CREDIT_WORDS = load_name_words().credit_words
# what a person is or does ("the farmer", "the teacher", "the woman"), not an office: an office
# ("President", "Minister", "Judge") someone else in the article may hold too
_INDEFINITE_NP = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,4}?(?P<head>[a-z][\w-]*)\b")
_NAMED_NEXT = re.compile(r"[^.!?“”\"]{0,40}?,\s+[A-Z][a-z]+\s+[A-Z]")
_INDEFINITE_SUBJECT = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,4}?(?P<head>[a-z][\w-]*)"
                                 r",?\s+(?:was|is|were|said|says|told|tells|has|had|who|recalled)\b")
# things, not someone introduced without a name ("a Russian missile had struck his flat")
_THING_HEADS = frozenset("""missile rocket shell bomb drone strike attack explosion blast fire shelling car bus train
plane tank vehicle building house flat home report statement video photo decision law bill deal war""".split())
_RELATION_HEADS = frozenset("""father mother husband wife son daughter brother sister uncle aunt nephew niece widow
widower grandfather grandmother child teenager cousin friend partner colleague neighbour neighbor fiance fiancé
fiancée girlfriend boyfriend grandson granddaughter mum mom dad grandma grandpa granny stepfather
stepmother counterpart successor predecessor regulator coordinator""".split())
_ANAPHORIC_HEADS = frozenset(h for h in load_name_words().descriptors
                             if h.capitalize() not in _ALL_TITLES and h not in _BODY_HEADS) - _UNNAMED_SOURCES - \
    _RELATION_HEADS - \
    frozenset("""candidate nominee contender challenger incumbent frontrunner front-runner host co-host
    anchor co-anchor""".split())
# (kin, youth and relational nouns: someone's relation, often unnamed; in a campaign story
# "the candidate" and "the host" may be any of several people named before)
# "Gazprom said", "Ukraine’s nuclear energy company Energoatom also warned", "The Institute for
# the Study of War, a US thinktank, suggested": a noun phrase (possessive, up to five words, a
# head) then, past an optional comma-enclosed aside, a speech verb
_NP_WORD = r"(?!(?:when|that|as|after|before|while|which|who|if|because|since|but|said|says|by|to|with|from|" \
           r"at|into|than|via|was|is|were|are|been|being)\b)(?:(?:[A-Z]\.){2,}|\w[\w&’‘'´-]*)"
_BODY_SUBJECT = re.compile(rf"(?<![\w’‘'´.,-])(?P<np>(?:(?:the|The|its|Its|[A-Z][\w.&-]*[’‘'´]s) +)?(?:{_NP_WORD} +){{0,5}}?"
                           rf"(?P<head>{_NP_WORD}))(?:,\s[^,“”\"\n]{{1,60}},)? +(?:also +|has +|had +)?"
                           r"(?:said|says|warned|added|adds|stated|announced|reported|suggested|claimed|confirmed"
                           r"|noted|insisted|told)\b")
# "it said", "It added", "it charged": the pronoun a body's quotation is attributed to (not "It
# comes as", "it is")
_IT_SPEAKS = re.compile(r"\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+)?(?!(?:comes|is|was|has|had|means|seems|"
                        r"appears|remains|was|will|would|could|can|may|might)\b)[a-z]+(?:ed|s)\b|\s+(?:said|told|went)\b")
# lowercase heads of a body that speaks as "it"
_BODY_WORDS = frozenset("""ministry department office agency government administration company firm
directorate committee council commission institute organisation organization group watchdog service
operator regulator bank union charity network channel newspaper paper outlet site website broadcaster
embassy army navy military police court board authority authorities statement report release
thinktank think-tank tank foundation party alliance bloc kremlin body team club league association
federation corporation giant maker producer retailer supplier chain airline manufacturer""".split())
# "the prime minister", "The French president": a definite office descriptor in running text
_OFFICE_IN_TEXT = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w.’'-]*\s+|[a-z]+\s+){0,2}?(?P<head>president|minister|chancellor|"
                             r"premier|governor|mayor|secretary|senator|ambassador)(?:[’']s)?\b")
# "The French president", "the U.N. nuclear chief", "The Conservative MP", "the 45-year-old
# zookeeper": a definite descriptor, up to four modifiers of any case, a lowercase head noun
_OFFICE_DESCRIPTOR = re.compile(r"^(?:the|The)\s+(?P<mods>(?:[\w.’'&-]+\s+){0,4}?)(?P<head>[a-z][\w-]*)$")
# heads that name one person by office or trade; not vague sources ("the official"), kin and
# relations ("the daughter": often unnamed), nor words that are titles only before a name
_NEARBY_HEADS = frozenset(h for h in _DESCRIPTOR_HEADS if " " not in h and "." not in h) - _UNNAMED_SOURCES - \
    _RELATION_HEADS - frozenset("""member staff team book article center centre foundation editorial democratic
    republican democrat gop mr ms miss dr deputy speaker star supporter victim witness survivor""".split()) - \
    frozenset("""judge prosecutor anchor co-anchor reporter presenter correspondent moderator host co-host
    candidate nominee""".split())
# (a judge, a reporter or an anchor in a scene is mostly someone new and unnamed; in a campaign
# story "the candidate" may be any of several people named before)
# offices one person rarely holds together: a recorded one rules out a descriptor naming another
_EXCLUSIVE_OFFICES = frozenset("""president minister chancellor premier secretary governor mayor king queen prince
princess pope senator mp mep ambassador general commander""".split())
_MALE_HEADS = frozenset("""spokesman man father husband son brother boy businessman chairman
grandfather uncle nephew widower king prince""".split())
_FEMALE_HEADS = frozenset("""spokeswoman woman mother wife daughter sister girl businesswoman chairwoman
grandmother aunt niece widow queen princess actress""".split())


_GENDERED = re.compile(r"\b(?:(?P<m>he|him|his|himself|He|His|Mr\.?)|(?P<f>she|her|hers|herself|She|Her|Mrs\.?|Ms\.?|Miss))\b")


_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_AFTER_QUOTE = re.compile(r"[”\"][,.]?\s*$|[,.][”\"]\s*$")


def _gender_evidence(text: str, people: Sequence[PersonMention]) -> dict[str, int]:
    """Per person, he/his minus she/her counted in the 120 characters after each mention that
    no other person mention interrupts (and the honorific right before it). Evidence, not
    certainty: 0 means unknown."""
    out: dict[str, int] = {}
    for k, p in enumerate(people):
        stop = min(p.end + 120, people[k + 1].start if k + 1 < len(people) else len(text))
        window = text[max(0, p.start - 6):p.start] + " " + text[p.end:stop]
        score = 0
        for m in _GENDERED.finditer(window):
            if _AFTER_QUOTE.search(window, 0, m.start()):
                continue          # '“…,” she said': the quote's speaker, not the name before the quote
            score += 1 if m.group("m") else -1
        if score:
            out[p.name] = out.get(p.name, 0) + (1 if score > 0 else -1)
    return out


_GIVEN_NAMES = load_given_names()


def given_name_gender(name: str) -> int:
    """+1 for a given name borne mostly by men, -1 mostly by women, 0 when unknown or ambiguous.
    Only names in the lexicon count; for every other name the article's he/she evidence decides."""
    first = name.split(maxsplit=1)[0].lower() if name and name.strip() else ""
    return _GIVEN_NAMES.get(first, 0)


_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|tells|added|adds|explained|warned|stressed|insisted)\b")
_FUNCTION_WORDS = frozenset("""by of with to for from in on at about against between among into onto than
like including and or but nor who whom which that whose as if when while after before since
said says told""".split())


# words that make the noun phrase after them an object, not a subject
_GOVERNORS = frozenset("""by of with to for from against at about into onto than like including between
among toward towards via citing accused met told thanked urged called praised criticised criticized
blamed visited joined""".split())
# (not "asked": the one asked is the one who answers, "asked Ukrainian President Volodymyr Zelensky
# what ... “A return of Russian forces ...,” he said")


def _governor(tail: str) -> tuple[str, str] | None:
    """(the governing word, the word before it) when the noun phrase that `tail` ends in (titles,
    capitalised words, role nouns and a determiner, walked back at most six words) follows a
    preposition or an object-taking verb: "citing an attack by Sen.", "told the German
    broadcaster". "of" or "for" between capitalised words is part of a name ("University of
    Waterloo economist"). Does NOT look past punctuation."""
    words = tail.split()
    k = len(words)
    while k > 0 and len(words) - k < 6:
        w = words[k - 1]
        low = w.lower()
        if w[-1:] in "\"”" and w[-2:-1].isalnum():
            return "”", ""                                # 'used by "madman" President Putin': mid-clause
        if w[-1:] in ",;:.!?\"“”()" and not (low in CUES.titles or w in _ALL_TITLES):
            return None
        if low in _GOVERNORS:
            if low in ("of", "for") and k > 1 and words[k - 2][:1].isupper() and k < len(words):
                k -= 1                                    # "University of Waterloo"
                continue
            return low, (words[k - 2].lower() if k > 1 else "")
        if low in _DETERMINERS:
            k -= 1
            break
        if not (w[:1].isupper() or low in CUES.titles or w in _ALL_TITLES or low in _PERSON_HEADS
                or low.endswith(("’s", "'s"))):
            return None
        k -= 1
    if k > 0 and words[k - 1].lower() in _GOVERNORS:
        return words[k - 1].lower(), (words[k - 2].lower() if k > 1 else "")
    return None


# "set out by President Putin", "was written by": a passive's agent is its logical subject
_PARTICIPLE_BEFORE_BY = re.compile(r"(?:ed|en|out|up|set|made|led|held|hit|put|shot|run)$")
# "with Prof Michael Clarke of King's College London telling Sky News": an absolute clause
_ING_AFTER = re.compile(r"(?:\s+(?:of|from)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})?,?\s+[a-z]+ing\b")


def _strip_descriptor(tail: str) -> str:
    """`tail` (the text before a name) without a descriptor noun phrase that ends it: "In one
    moment, the victim's widow" -> "In one moment,", so that the name counts as a subject.
    The phrase runs back over lowercase words and possessives to a determiner at most; a
    preposition or verb before it ("lost her daughter") leaves the descriptor an object."""
    words = tail.split()
    if not words or words[-1] not in _PERSON_HEADS:
        return tail                                       # ("Russian President": the title test decides)
    k = len(words) - 1
    while k > 0 and len(words) - k < 6:
        w = words[k - 1]
        if w[-1:] in ",;:.!?" or w in _FUNCTION_WORDS:
            break
        if w in _DETERMINERS:
            k -= 1
            break
        if not (w[:1].islower() or w.endswith(("’s", "'s"))):
            break
        k -= 1
    rest = " ".join(words[:k])
    if k > 0 and words[k - 1] in _FUNCTION_WORDS:
        return tail                                       # "lost her daughter X": not a subject
    if k > 0 and (words[k - 1] not in _DETERMINERS and words[k - 1][-1:] not in ",;:.!?"
                  and not words[k - 1][:1].isupper()):
        return tail
    return rest


# one-word place names of the gazetteer ("Germany", "Zaporizhzhia"): a capitalised run holding
# one, with nothing else saying it is a person, is no he/she
_PLACE_WORDS = one_word_places()
def _place_run(name: str) -> bool:
    """Whether a capitalised run is a place rather than a person: a gazetteer name as a whole
    or as its last word ("Belgorod Oblast", "Nazi Germany"), or a place with a stray letter
    ("Zaporizhzhia A"). Not "Jordan Lee": a given name may be a country's name too."""
    words = name.split()
    return name in _PLACE_NAMES or (words[-1] in _PLACE_WORDS) or \
        (bool(_PLACE_WORDS.intersection(words)) and any(len(w) == 1 for w in words))


_PLACE_NAMES = frozenset(w for e in load_lexicon("places") for w in [e["name"], *e["aliases"]])
_COUNTRY_WORDS = frozenset(w.lower() for e in load_lexicon("places") if e["kind"] == "country"
                           for w in [e["name"], *e["aliases"]] if " " not in w)


def _national(word: str) -> bool:
    """Whether a modifier names a country or its people: "US", "Russia's", "Ukrainian",
    "German" (the demonym by the country's first four letters). "French" or "Dutch" are missed:
    then no conflict is seen, and nothing is ruled out by them."""
    w = word.lower().replace("’s", "").replace("'s", "")
    return w in _COUNTRY_WORDS or (len(w) > 4 and w.endswith(("an", "ese", "ish", "i")) and
                                   any(c[:4] == w[:4] for c in _COUNTRY_WORDS if len(c) > 4))


def _demonym_like(word: str) -> bool:
    """"French", "Senegalese", "Ukrainian", "Welsh", "US": a word naming a country's people or
    the country, by shape or the gazetteer (not "Pentagon", "U.N.", "Metinvest", "Texas")."""
    w = word.lower().replace("’s", "").replace("'s", "")
    return _national(word) or (word[1:2].islower() and w.endswith(("an", "ese", "ish", "ch", "sh", "i")))


def _mods_fit(role_words: Sequence[str], mods: Sequence[str]) -> bool:
    """Whether every descriptor modifier is found in a role's words, a nationality matching its
    country by the first four or five letters ("Ukrainian" ~ "Ukraine's")."""
    return all(any(x[:4] == m[:4] and (len(m) < 4 or x.startswith(m[:min(len(m), 5)])) for x in role_words)
               for m in mods)


def _is_credit(text: str, start: int, end: int) -> bool:
    """A photo credit name: "(AP Photo/Sergei Grits)", "Carsten Koall/dpa via AP"."""
    return text[max(0, start - 1):start] == "/" or text.startswith(("/", " via "), end)


class SpeakerResolver:
    """In-article resolution of a speaker mention to a canonical name or body.

    `who_antecedent` finds the noun phrase a relative "who" refers back to ("Smith, who said"):
    the quote extractor's subject grammar, passed in so that this module does not depend on it."""

    def __init__(self, article: Article, sentences: Sequence[Sentence], *, who_antecedent: re.Pattern):
        self.who_antecedent = who_antecedent
        self.text = article.text
        self.sentence_starts = [st.start for st in sentences]
        self.people: list[PersonMention] = find_people(article, sentences)
        self.starts = [p.start for p in self.people]
        self.index = NameIndex((p.start, p.name) for p in self.people if len(p.name.split()) >= 2)
        self.roles: list[tuple[int, str, str]] = []       # (pos, role lower, name)
        self.role_texts: dict[str, list[str]] = {}        # name -> roles as written
        for p in self.people:
            if p.role:
                self.roles.append((p.start, p.role.lower(), p.name))
                self.role_texts.setdefault(p.name, []).append(p.role)
        self.speakers: list[tuple[int, str, bool]] = []   # (pos, speaker, is_person)
        self.it_speakers: set[int] = set()                 # positions of speakers mentioned as "it"
        self.role_of: dict[str, str] = {}
        self.gender = _gender_evidence(article.text, self.people)
        # "Mr Cotterell", "Ms Nicol": an honorific right before a mention settles the gender
        # (a surname alone may stand for a spouse sharing it: "Mrs Clayton" next to "Colin
        # Clayton", so conflicting honorifics cancel, and a known given name comes first)
        self.honorific: dict[str, int] = {}
        seen: dict[str, set[int]] = {}
        for p in self.people:
            h = _HONORIFIC_BEFORE.search(article.text, max(0, p.start - 6), p.start)
            if h:
                seen.setdefault(p.name, set()).add(1 if h.group(1) == "Mr" else -1)
        self.honorific = {n: signs.pop() for n, signs in seen.items() if len(signs) == 1}
        for p in self.people:
            if p.role and p.role.rstrip(".") not in _HONORIFICS and \
                    p.role.split()[-1].lower() in _ROLE_HEADS:
                self.role_of.setdefault(p.name, p.role)

    def note_role(self, pos: int, role: str | None, name: str) -> None:
        if role:
            self.roles.append((pos, role.lower(), name))
            self.role_texts.setdefault(name, []).append(role)
            self.role_of.setdefault(name, role)

    def role_for(self, name: str | None) -> str | None:
        return self.role_of.get(name) if name else None

    def _gender_ok(self, name: str, pronoun: str | None) -> bool:
        # The given name first: the he/she counted after a mention may belong to someone else
        # (often the very pronoun being resolved), while "Hillary" is not a "he".
        g = given_name_gender(name) or self.honorific.get(name) or self.gender.get(name, 0)
        return pronoun is None or g == 0 or (g > 0) == (pronoun == "he")

    def _reporter_of_clause(self, j: int, pronoun: str | None) -> PersonMention | None:
        """When person mention `j` opens the complement of a reporting verb ("suggested that
        President Putin", "said Russia's Putin") whose subject is an earlier person of the same
        sentence ("Dr Illarionov suggested that ..."), that earlier mention, if of the pronoun's
        gender; else None."""
        p = self.people[j]
        here = bisect_right(self.sentence_starts, p.start) - 1
        lo = self.sentence_starts[here] if here >= 0 else 0
        tail = self.text[lo:p.start]
        v = re.search(r"\b([a-z]+)\s+(that\s+)?(?:(?:the|[A-Z][\w.’'-]*)\s+){0,3}$", tail)
        if not v or v.group(1) not in CUES.verbs or CUES.verbs[v.group(1)][1] != "speech":
            return None
        if not v.group(2) and CUES.verbs[v.group(1)][0] not in _CLAUSE_ONLY_VERBS:
            return None                                   # "questioned Sergei Lavrov": an object, not a clause
        for k in range(j - 1, -1, -1):
            q = self.people[k]
            if q.start < lo:
                break
            gap = self.text[q.end:lo + v.start(1)]
            if q.name != p.name and re.fullmatch(r"\s*(?:,[^,]{1,80},\s*)?(?:also\s+)?", gap) \
                    and self._subject_like(q.start, q.end) and self._gender_ok(q.name, pronoun):
                return q
        return None

    def _topic_of_quotation(self, p: PersonMention, pos: int) -> bool:
        """Whether mention `p` is what the quotation before `pos` is about or inside it: in the
        same sentence, a quotation mark between it and `pos`, and no reporting verb of the cue
        lexicon or colon before that mark ("Xi Jinping, China's president, “will not stop
        threatening Taiwan,” she said": she is not Xi; "“Zelensky is right,” he told the BBC":
        he is not Zelensky). Does NOT judge a sentence the splitter merged with the one before."""
        here = bisect_right(self.sentence_starts, pos) - 1
        if here < 0 or p.start < self.sentence_starts[here]:
            return False
        between = self.text[p.end:pos]
        k = min((between.find(c) for c in '“"' if c in between), default=-1)
        if k < 0 or re.search(r"[.!?]\s", between[:k]):
            return False                                  # (a sentence ends first: the splitter merged two)
        lead = between[:k]
        return ":" not in lead and not any(w in CUES.verbs for w in re.findall(r"[a-z]+", lead))

    def _person_before(self, pos: int, pronoun: str | None = None) -> str | None:
        i = bisect_right(self.starts, pos - 1)
        best_p, best = -1, None
        for j in range(i - 1, max(-1, i - 12), -1):
            p = self.people[j]
            if p.end > pos or self._topic_of_quotation(p, pos):
                continue
            if pronoun and _place_run(p.name) and not self._known_person(p.name):
                continue                                  # "Nazi Germany", "Zaporizhzhia A": no he/she
            if self._subject_like(p.start, p.end) and self._gender_ok(p.name, pronoun):
                best_p, best = p.start, p.name
                # "Dr Illarionov suggested that President Putin was prepared ...": the subject of
                # the reporting verb, not of its complement clause, goes on speaking
                main = self._reporter_of_clause(j, pronoun)
                if main is not None:
                    best_p, best = main.start, main.name
                break
        for sp_pos, sp, is_person in reversed(self.speakers):
            if sp_pos < pos and is_person and self._gender_ok(sp, pronoun):
                if sp_pos > best_p:
                    best_p, best = sp_pos, sp
                break
        d = self._descriptor_subject(pos, pronoun)
        if d and d[0] > best_p:
            best_p, best = d
        d = self._given_name_subject(pos, pronoun)
        if d and d[0] > best_p:
            best_p, best = d
        d = self._office_descriptor_before(pos, pronoun, best_p)
        if d:
            best_p, best = d
        if best is None and i > 0:
            # no subject in reach: the last person mentioned ("I meet Erik Liiva. He's ..."),
            # if near and of the pronoun's gender by given name or by he/she after its mentions
            # (not "Nazi Germany", "Muslim Americans" that a capitalised run passed for)
            p = self.people[i - 1]
            given = given_name_gender(p.name) or self.honorific.get(p.name)
            g = given or self.gender.get(p.name, 0)
            reach = 600 if given else 250                 # a known given name is the firmer evidence
            if g and pos - p.end < reach and (pronoun is None or (g > 0) == (pronoun == "he")):
                best = p.name
        return best

    def _office_descriptor_before(self, pos: int, pronoun: str | None, after: int) -> tuple[int, str] | None:
        """The last definite office descriptor that is a subject outside quotation marks in the
        sentence before `pos` or its own, later than `after` ("Taking questions from reporters,
        the prime minister said ... He said"), resolved to the person it stands for (a recorded
        role, or the one person named just before) when known to be of the pronoun's gender;
        else None. Not a possessive, an object, or the subject of a reported clause."""
        if pronoun not in ("he", "she"):
            return None
        here = bisect_right(self.sentence_starts, pos) - 1
        lo = self.sentence_starts[max(0, here - 1)] if here >= 0 else 0
        lo = max(lo, after + 1)
        found = None
        for m in _OFFICE_IN_TEXT.finditer(self.text, lo, pos):
            if self._in_quotation(m.start()) or m.group(0).endswith(("’s", "'s")):
                continue                                  # (a possessive is no subject: "the president's office")
            tail = self.text[max(0, m.start() - 40):m.start()].rstrip()
            # not "critical of the Russian president", "said the president had"
            if tail.split()[-1:] in (["said"], ["says"]) or not self._subject_before(tail, m.end()):
                continue
            np = m.group(0)
            person = self._role_person(np, m.start()) or self._nearby_person(np, m.start())
            if person and self.is_person(person) and not _place_run(person) and self._gender_ok(person, pronoun) \
                    and self._gender_of(person):
                found = (m.start(), person)
        return found

    def _gender_of(self, name: str) -> int:
        """+1 / -1 when the given name, an honorific or he/she after its mentions tell, else 0."""
        g = given_name_gender(name) or self.honorific.get(name) or self.gender.get(name, 0)
        return (g > 0) - (g < 0)

    def _paragraph_before(self, pos: int, reach: int) -> tuple[int, str]:
        """(start, text) of the `reach` characters before `pos`, cut at a paragraph break."""
        lo = max(0, pos - reach)
        cut = self.text.rfind("\n", lo, pos)
        if cut >= 0:
            lo = cut + 1
        return lo, self.text[lo:pos]

    def _given_name_subject(self, pos: int, pronoun: str | None) -> tuple[int, str] | None:
        """The last sentence subject within 400 characters before `pos` that is a given name
        alone ("Valya has lived here since she was born"), of the pronoun's gender by the
        given-name lexicon, as (start, the fullest name the article gives it). Single names
        are not person mentions of their own (newslens.names keeps them only when a full
        name or a title backs them), so they are found here. Does NOT look past a paragraph."""
        if pronoun not in ("he", "she"):
            return None
        lo, seg = self._paragraph_before(pos, 400)
        found = None
        for m in _GIVEN_SUBJECT.finditer(seg):
            key = "name" if m.group("name") else "name2"   # ("Upstairs, Olena said")
            rel = re.search(r"(?:[’']s|\b(?:his|her|their|my|our))\s+([a-z]+),\s$", seg[:m.start(key)])
            if key == "name2" and rel and rel.group(1) in _RELATION_HEADS | _PERSON_HEADS | {"dad", "mum"}:
                continue                                  # "Ernest's dad, Vitaliy, was": someone's relation
            g = _GIVEN_NAMES.get(m.group(key).lower(), 0)
            if g and (g > 0) == (pronoun == "he"):
                found = (lo + m.start(key), m.group(key))
        if found is None:
            return None
        return found[0], self.index.lookup(found[1], found[0])

    def _descriptor_subject(self, pos: int, pronoun: str | None) -> tuple[int, str] | None:
        """The last "A government spokesman said" within 300 characters before `pos` whose head
        noun is a role or descriptor of the pronoun's gender (or none), or an indefinite subject
        of any verb whose noun has the pronoun's gender ("One evening a drunk woman interrupts"),
        as (start, noun phrase). Does NOT look past a paragraph break."""
        lo, seg = self._paragraph_before(pos, 300)
        found = None
        for m in _DESCRIPTOR_SUBJECT.finditer(seg):
            head = m.group("head")
            if head not in _PERSON_HEADS:
                continue
            if (pronoun == "he" and head in _FEMALE_HEADS) or (pronoun == "she" and head in _MALE_HEADS):
                continue
            found = (lo + m.start("np"), m.group("np"))
        if pronoun in ("he", "she"):
            heads = _MALE_HEADS if pronoun == "he" else _FEMALE_HEADS
            for m in _GENDERED_INDEFINITE.finditer(seg):
                k = "1" if m.group("np1") else "2"
                if m.group("head" + k) in heads and (found is None or lo + m.start("np" + k) > found[0]):
                    found = (lo + m.start("np" + k), m.group("np" + k))
        return found

    def _subject_like(self, start: int, end: int) -> bool:
        """Whether the name at start..end reads as a clause's subject (or the speaker of an
        inverted "said X,"): judged on the words before it, and again with a descriptor
        ("the victim's widow") before it left out."""
        if self.text.startswith(("’s", "'s"), end):
            return False                                  # "Trump’s pick": a possessive
        tail = self.text[max(0, start - 40):start].rstrip()
        if _SPEECH_AFTER.match(self.text, end):
            # "... operations Alison Parkinson said", but not "Roman Koval from Truth Hounds said":
            # the phrase after a person's name is not the subject
            g = _governor(tail)
            return not (g and g[0] in ("from", "of", "at", "with", "for") and
                        any(p.end == start - len(g[0]) - 2 for p in self.people))
        if self._subject_before(tail, end):
            return True
        stripped = _strip_descriptor(tail)
        return stripped != tail and self._subject_before(stripped, end)

    def _subject_before(self, tail: str, end: int) -> bool:
        if tail.endswith("/") or self.text.startswith((" via ", "/"), end):
            return False                                  # a photo credit: "(AP Photo/Sergei Grits)", "X via Getty"
        if tail.endswith('"') and tail[-2:-1].isalnum():
            return False                                  # 'lies used by "madman" President Putin': mid-clause
        if not tail or tail[-1] in ".!?\n“\",;:—(":
            return True
        word = tail.split()[-1] if tail.split() else ""
        last = word.lower()
        if last in ("and", "but", "that", "as", "when", "while", "because", "though", "although"):
            return True
        if tail.lower().endswith("according to") or last in ("said", "says", "added", "wrote", "explained") and \
                self.text[end:end + 1] in (",", ".", ""):
            return True           # "according to Sara Nathan", "..., said Frank Ledwidge, a ..." (not "said Sri Lanka would")
        # a title or a capitalised modifier of the same noun phrase ("However, Prof Sands",
        # "Ukrainian politician Alyona Shkrum"), a possessive ("Dmytro's wife Svetlana") ...
        if not (last in CUES.titles or word in _ALL_TITLES or last.endswith(("’s", "'s")) or word[:1].isupper()):
            return False
        # ... unless that noun phrase is the object of a preposition or a verb ("citing an
        # attack by Sen. Lindsey Graham", "told the German broadcaster DW"), not a passive's
        # agent or the subject of a "with X doing" clause
        g = _governor(tail)
        if g is None:
            return True
        if g[0] == "by" and _PARTICIPLE_BEFORE_BY.search(g[1]):
            return True
        if g[0] in ("to", "of", "for") and (g[1] in _PERSON_HEADS or g[1] in CUES.titles):
            return True                                   # "ambassador to the US Anatoly Antonov": a title
        if (not g[1] or g[1][-1:] in ".!?\"”") and g[0] not in ("like", "unlike", "”") and \
                self.text[end:end + 1] == ",":
            return True                                   # "To Prof Nott, the scenes ...": the sentence's topic
        return g[0] == "with" and bool(_ING_AFTER.match(self.text, end))

    def attribute(self, mention: str, pos: int, role: str | None = None) -> tuple[str | None, str | None]:
        """(speaker, role) for an attribution's mention at `pos`, whose clause gave `role` (an
        appositive, or None), and remember the speaker for later pronouns. When the speaker is
        a proper name in apposition to a descriptor ("The city's mayor, Oleksandr Striuk,"),
        the descriptor is the role. Does NOT find the mention (newslens.quotes does)."""
        speaker, title, appositive = self._resolve(mention, pos)
        if title:                                         # "Ms", "Mr." are not roles; "leader Sir" is "leader"
            title = _TRAILING_HONORIFIC.sub("", title) or None
        role = title if appositive else (role or title)
        self.note_role(pos, role, speaker)
        role = role or self.role_for(speaker)
        if speaker:
            self.speakers.append((pos, speaker, self.is_person(speaker)))
            if mention.strip().lower() == "it":
                self.it_speakers.add(pos)
        return speaker, role

    def resolve(self, mention: str, pos: int) -> tuple[str | None, str | None]:
        """(speaker, role) for a mention starting at `pos`; speaker None when a pronoun has
        no antecedent in the article. Does NOT record the speaker (`attribute` does)."""
        speaker, title, _ = self._resolve(mention, pos)
        return speaker, title

    def _appositive(self, mention: str, pos: int) -> str | None:
        """The person named in apposition right after a descriptor mention ("Senegal's
        president, Macky Sall, who ..."), resolved in-article; None when there is none."""
        words = re.findall(r"[\w-]+", mention.lower())
        # the head noun comes before a complement: "the mayor of Melitopol", "the ambassador to the EU"
        cut = next((i for i, w in enumerate(words) if w in ("of", "to", "for", "at", "in", "from") and i), len(words))
        if not words or words[cut - 1] not in _DESCRIPTOR_HEADS:
            return None
        end = pos + len(mention)
        a = _APPOSITIVE_NAME.match(self.text, end, min(len(self.text), end + 120))
        if not a:
            return None
        name, title, _ = peel_title(a.group("np"))
        name = trim_name(re.sub(r"['’]s$", "", name))
        if not name or not name[:1].isupper():
            return None
        if len(name.split()) < 2 and not title and self.index.lookup(name, pos) == name:
            return None                                   # a lone capitalised word: not sure it is a name
        if not looks_like_person(name, titled=True):
            return None
        return self.index.lookup(name, end)

    def _role_person(self, mention: str, pos: int) -> str | None:
        """The person whose role (a title peeled off a name, an appositive) fits a descriptor
        ("the Ukrainian president", "the foreign secretary"): same head noun, and every
        modifier word found in one of that person's roles. The most recent such person before
        `pos`, else the nearest after. Does NOT guess between persons the modifiers do not
        separate from a person they exclude."""
        last = mention.split()[-1] if mention.split() else ""
        if not (last[:1].islower() or last in _POST_TITLES):
            return None                                   # "Security Council": a body's name
        words = [w for w in re.findall(r"[a-z][\w-]*", mention.lower().replace("’s", "").replace("'s", ""))
                 if w not in _DETERMINERS]
        if not words or len(words) > 5:
            return None
        head, mods = words[-1], words[:-1]
        if head not in _DESCRIPTOR_HEADS:
            return None                                   # "the ministry", "officials": not one person
        fits: dict[str, list[int]] = {}
        for p, r, n in self.roles:
            rw = re.findall(r"[a-z][\w-]*", r.replace("’s", "").replace("'s", ""))
            if not rw or rw[-1] != head:
                continue
            if _mods_fit(rw, mods):
                fits.setdefault(n, []).append(p)
        if not fits:
            return None
        before = [(max(q for q in ps if q < pos), n) for n, ps in fits.items() if any(q < pos for q in ps)]
        if before:
            return max(before)[1]
        return min((min(ps), n) for n, ps in fits.items())[1]

    def _resolve(self, mention: str, pos: int) -> tuple[str | None, str | None, bool]:
        """(speaker, role, whether the speaker came from an appositive name)."""
        m = mention.strip()
        low = m.lower()
        if low in _PRONOUNS:
            if low in ("he", "she"):
                return self._person_before(pos, low), None, False
            if low == "who":
                base, seg = self._paragraph_before(pos, 160)
                w = self.who_antecedent.search(seg)
                if w:
                    return self._resolve(w.group("subj"), base + w.start("subj"))
                return self._person_before(pos), None, False
            if low in ("i", "you"):
                return None, None, False    # the writer or the one addressed: never a body named before
            # ("they" does not take a body the text called "it")
            last = next(((sp_pos, sp) for sp_pos, sp, is_person in reversed(self.speakers)
                         if sp_pos < pos and not is_person and sp.lower() not in _PRONOUNS
                         and not (low == "they" and sp_pos in self.it_speakers)), None)
            if _IT_SPEAKS.match(self.text, pos + len(m)):
                body = self._body_subject(pos, plural=low == "they")
                if body and (last is None or body[0] > last[0]):
                    return body[1], None, False
            if last:
                return last[1], None, False
            return None, None, False    # "they" with no body to stand for: unknown speaker
        if m in _METONYMS:
            return _METONYMS[m], None, False
        if low in _METONYM_LOWER:
            return _METONYM_LOWER[low], None, False
        name, title, _ = peel_title(m)
        name = trim_name(re.sub(r"['’]s$", "", name))
        if name and all(w[:1].isupper() or w in _NAME_PARTICLES for w in name.split()) and \
                looks_like_person(name, titled=True):
            return self.index.lookup(name, pos), title, False   # (not "Brexit minister")
        rest = org_stripped(name) if name else None
        if rest and self.index.has_full(rest):
            # "Communications Agne Vaiciukeviciute": the end of a title the mention cut into
            return self.index.lookup(rest, pos), title, False
        # A descriptor with a name in apposition ("The city's mayor, Oleksandr Striuk,")
        appositive = self._appositive(m, pos)
        if appositive:
            return appositive, m, True
        # A role noun phrase ("South Korea’s defence minister") -> the person with that role,
        # else the person a descriptor refers back to, else the one named just before it.
        for find in (self._role_person, self._anaphoric_descriptor, self._nearby_person):
            person = find(m, pos)
            if person:
                return person, m, False
        if (" " not in m and not_name_start(m)) or any(w in _CREDIT_WORDS for w in m.split()):
            return None, None, False                      # "Later", "AP Photo": no speaker named
        return m, None, False

    def _anaphoric_descriptor(self, mention: str, pos: int) -> str | None:
        """A bare definite descriptor ("The prime minister said", "the teenager", "the
        36-year-old") that no person's recorded role fits: the person it refers back to, found
        like a pronoun (most recent subject or speaker, gender from the noun where it has one).
        None when a modifier narrows it ("the Ukrainian president": `_role_person` decides),
        when the noun is vague ("the official"), or when an indefinite "a ... <noun>" was
        introduced shortly before (an unnamed source: "a White House spokesperson ... the
        spokesperson")."""
        m = _BARE_DESCRIPTOR.match(mention)
        if not m or m.group("mod"):
            return None                                   # "the Ukrainian president", "the new coach"
        head = (m.group("head") or "").lower()
        if not m.group("age") and head not in _ANAPHORIC_HEADS:
            return None                                   # offices are `_role_person`'s: "the president"
        # someone introduced without a name shortly before ("a middle-aged cashier ... the
        # woman", "a White House spokesperson ... the spokesperson") is who it means
        base = max(0, pos - 400)
        before = self.text[base:pos]
        for ind in list(_INDEFINITE_SUBJECT.finditer(before)) + list(_INDEFINITE_NP.finditer(before)):
            if _NAMED_NEXT.match(before, ind.end()):
                continue                                  # "An elderly resident, Oleksandr Lyakhovets,": named
            if self._unnamed_since(base + ind.start(), pos) and \
                    (ind.re is _INDEFINITE_SUBJECT and ind.group("head").lower() not in _THING_HEADS
                     or ind.group("head").lower() in _PERSON_HEADS or ind.group("head").lower() == head):
                return None
        if m.group("age"):
            aged = self._person_of_age(m.group("age").split("-")[0], pos)
            if aged is not None:
                return aged or None

        gender = "he" if head in _MALE_HEADS else "she" if head in _FEMALE_HEADS else None
        # the antecedent stands in an earlier sentence: a name in this one is inside the
        # quotation or the clause itself ("“Donald is a leader,” said the 46-year-old")
        here = bisect_right(self.sentence_starts, pos) - 1
        person = self._person_before(self.sentence_starts[here] if here >= 0 else pos, gender)
        if person and m.group("age"):
            age = m.group("age").split("-")[0]
            last = max((p.start for p in self.people if p.name == person and p.start < pos), default=pos)
            if re.search(rf"\b[A-Za-z]+,\s*(?!{age}\b)\d{{1,2}},|\b(?!{age}-)\d{{1,2}}-year-old\s+[A-Z]",
                         self.text[last:pos]):
                return None                               # someone named after that person has another age
        if person and gender:
            # a gendered noun ("the daughter") needs a person known to be of that gender
            g = given_name_gender(person) or self.honorific.get(person) or self.gender.get(person, 0)
            if not g or (g > 0) != (gender == "he"):
                return None
        return person

    def _body_subject(self, pos: int, *, plural: bool = False) -> tuple[int, str] | None:
        """The last body that is the subject of a speech verb outside quotation marks in the
        two sentences before `pos` and its own ("Gazprom said it had ...", "Ukraine’s nuclear
        energy company Energoatom also warned"), as (start, noun phrase as written), for an
        "it said" after it that no quotation was attributed to. A noun phrase holding a person
        mention, a plural or a pronoun is no such body. With `plural`, for "they": only a
        plural noun phrase ("three U.S. officials told NBC News", "Britain and Lithuania
        indicated"), persons included."""
        here = bisect_right(self.sentence_starts, pos) - 1
        lo = self.sentence_starts[max(0, here - 2)] if here >= 0 else 0
        found = None
        for m in _BODY_SUBJECT.finditer(self.text, lo, pos):
            np, head = m.group("np"), m.group("head")
            words = np.split()
            if words[0].lower() in _PRONOUNS or words[0].lower() in ("this", "that", "which", "what", "there") \
                    or self._in_quotation(m.start("np")):
                continue
            before = self.text[max(0, m.start("np") - 8):m.start("np")].split()
            if before and before[-1].lower() in ("which", "that", "what", "whom", "as"):
                continue                                  # "which Kyiv says has been reformed": a relative clause
            if plural:
                if " and " in np and all(w[:1].isupper() or w in ("and", "the", "of") for w in words) or \
                        head[:1].islower() and head.endswith("s") and (head[:-1] in _PERSON_HEADS | _BODY_WORDS
                                                                        or head in ("authorities", "officials")):
                    found = (m.start("np"), np)           # "Britain and Lithuania", "three U.S. officials"
                continue
            if " and " in np:
                continue
            if head[:1].islower():
                if head not in _BODY_WORDS:
                    continue
            elif not (all(w[:1].isupper() or w in ("of", "for", "the", "and", "on", "in") for w in words[1:])
                      or any(w in _BODY_WORDS for w in words)) or not_name_start(words[0]) or head.lower() in _PRONOUNS:
                continue                                  # a proper name run: "Weir", "The Institute for ..."
            if head.lower().endswith("s") and head.lower()[:-1] in _PERSON_HEADS | {"official", "officer"}:
                continue                                  # "Officials said": not an "it"
            a, b = m.start("np"), m.end("np")
            # a person ("Rafael Grossi said it ..."), not "company Energoatom"
            if not any(w.lower() in _BODY_WORDS for w in words) and \
                    (any(a <= p.start < b for p in self.people)
                     or looks_like_person(np, titled=False) and len(words) >= 2):
                continue
            found = (a, _METONYMS.get(np, np))            # "Moscow said ... it" -> Russia
        return found

    def _unnamed_since(self, start: int, pos: int) -> bool:
        """Whether an indefinite noun phrase at `start` still stands for someone unnamed at `pos`:
        it is outside quotation marks ("One of our goals is" in a quotation introduces no one),
        and no person is named as a subject between them ("A Manx bomb disposal specialist has
        been ... Chris Garrett, from Peel, is volunteering")."""
        if self._in_quotation(start):
            return False
        i = bisect_right(self.starts, start)
        return not any(p.start < pos and self._subject_like(p.start, p.end) for p in self.people[i:i + 12])

    def _in_quotation(self, pos: int) -> bool:
        """Whether `pos` follows an opening quotation mark in its paragraph: the nearest double
        mark before it opens (“, or a straight mark after a space and before a word). Judged on
        that one mark, not on a parity a stray mark in a long paragraph would flip. Does NOT see
        single quotes."""
        lo = self.text.rfind("\n", 0, pos) + 1
        k = max(self.text.rfind(c, lo, pos) for c in '“”"')
        if k < 0:
            return False
        c = self.text[k]
        if c != '"':
            return c == "“"
        return (k == lo or self.text[k - 1] in " (\t—–-") and self.text[k + 1:k + 2].strip() != ""

    def _nearby_person(self, mention: str, pos: int) -> str | None:
        """A definite descriptor with an office or trade noun ("the French president", "The
        Conservative MP", "the U.N. nuclear chief", "the 45-year-old zookeeper") that no
        recorded role fits: the one person named outside quotation marks in the three sentences
        before the mention's own, when that person is a subject or a speaker there. A person
        whose recorded role contradicts the descriptor ("US President Joe Biden" for "the
        Ukrainian president", "Foreign Minister Lavrov" for "the president") does not count.
        Does NOT guess when two persons are left (or none), when the noun is vague or kin ("the
        official", "the daughter"), or when an indefinite "a ... <noun>" introduced someone
        unnamed in that stretch ("a dog trainer, a farmer ... said the dog trainer")."""
        d = _OFFICE_DESCRIPTOR.match(mention)
        if not d:
            return None
        head = d.group("head").lower()
        aged_np = re.search(r"\b\d+-year-old\b", d.group("mods")) is not None
        if head not in _NEARBY_HEADS and not (aged_np and head not in _RELATION_HEADS and head not in _BODY_HEADS):
            return None                                   # (an age makes a person of "the 37-year-old electrician")
        mods = [w for w in re.findall(r"[\w.-]+", d.group("mods").lower().replace("’s", "").replace("'s", ""))]
        age = next((w.split("-")[0] for w in mods if re.fullmatch(r"\d+-year-old", w)), None)
        if age:
            aged = self._person_of_age(age, pos)
            if aged is not None:
                return aged or None
            mods = [w for w in mods if not w.endswith("-year-old")]
        here = bisect_right(self.sentence_starts, pos) - 1
        if here < 1:
            return None
        # the three sentences before and the mention's own up to it; names inside quotation
        # marks are what someone said, not who is speaking
        lo, hi = self.sentence_starts[max(0, here - 3)], pos
        seg = self.text[lo:hi]
        for ind in _INDEFINITE_NP.finditer(self.text, max(0, min(lo, pos - 800)), pos):
            if ind.group("head").lower() == head and self._unnamed_since(ind.start(), pos):
                return None                               # someone unnamed with that noun ("I spoke to one doctor")
        gender = "he" if head in _MALE_HEADS else "she" if head in _FEMALE_HEADS else None
        names: set[str] = set()
        subjects: set[str] = set()
        for p in self.people:
            if p.start < lo or p.end > hi or self._in_quotation(p.start) or _is_credit(self.text, p.start, p.end):
                continue
            names.add(p.name)
            if self._subject_like(p.start, p.end):
                subjects.add(p.name)
        for sp_pos, sp, is_person in self.speakers:
            if lo <= sp_pos < hi and is_person:
                names.add(sp)
                subjects.add(sp)
        # "Mr Austin" that the person finder left out (a place name) is someone all the same
        surnames = {w for n in names for w in n.split()}
        for h in re.finditer(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+([A-Z][\w’'-]+)", seg):
            if h.group(1) not in surnames and not self._in_quotation(lo + h.start()):
                names.add(h.group(0))
        caps = [w for w in re.findall(r"[\w.’'&-]+", d.group("mods")) if w[:1].isupper()]
        # (a capitalised run that is neither a subject nor known as a person, "Cardiff Central",
        # "World Cups", makes no ambiguity)
        names = {n for n in names if n in subjects or self._known_person(n)}
        left = {n for n in names if not self._role_conflicts(n, head, caps) and self._gender_ok(n, gender)}
        if len(left) != 1 or not (left & subjects):
            return None
        name = left.pop()
        if any(not _demonym_like(c) and not self._near_mention(name, c, pos) for c in caps):
            return None                                   # "the U.N. nuclear chief": nothing ties them to the U.N.
        if caps and not self._role_fits(name, caps) and \
                any(self._role_fits(n, caps) for n in self.role_texts if n != name):
            return None                                   # "the Pentagon chief": someone else's role says Pentagon
        return name if self._known_person(name) else None

    def _near_mention(self, name: str, word: str, pos: int) -> bool:
        """Whether `word` stands within 300 characters of a mention of `name` (not in the
        descriptor at `pos` itself) or in its roles."""
        w = re.sub(r"[’']s$", "", word)
        pat = re.compile(rf"(?<![\w.]){re.escape(w)}(?![\w])")
        if any(pat.search(r) for r in self.role_texts.get(name, ())):
            return True
        for p in self.people:
            if p.name == name:
                for m in pat.finditer(self.text, max(0, p.start - 300), p.end + 300):
                    if not pos <= m.start() < pos + 80:
                        return True
        return False

    def _role_fits(self, name: str, caps: Sequence[str]) -> bool:
        """Whether a role recorded for `name` carries every capitalised modifier in `caps`."""
        want = [c.lower().replace("’s", "").replace("'s", "") for c in caps]
        return any(_mods_fit(re.findall(r"[\w.-]+", r.lower().replace("’s", "").replace("'s", "")), want)
                   for r in self.role_texts.get(name, ()))

    def _known_person(self, name: str) -> bool:
        """Whether something besides its shape says `name` is a person: a given name of the
        lexicon, an honorific, he/she after its mentions, or a title or role recorded for it
        (not "Ria Novosti", "Cheap Ryanair" that a capitalised run passed for)."""
        return bool(given_name_gender(name) or self.honorific.get(name) or self.gender.get(name)
                    or name in self.role_of or any(n == name for _, _, n in self.roles))

    def _role_conflicts(self, name: str, head: str, caps: Sequence[str]) -> bool:
        """Whether a role recorded for `name` rules out a descriptor with head noun `head` and
        capitalised modifiers `caps`: a country in the role that none of the countries in `caps`
        matches ("US President" for "the Ukrainian president"), or another exclusive office
        ("Foreign Minister" for "the president"). Other proper modifiers do not exclude each
        other ("US Defence Secretary" may be "the Pentagon chief")."""
        want = [c.lower().replace("’s", "").replace("'s", "") for c in caps if _national(c)]
        for r in self.role_texts.get(name, ()):
            words = re.findall(r"[\w.’'&-]+", r)
            if len(words) > 6 or "," in r or words[:1] and words[0].lower() in ("who", "whose", "which", "that"):
                continue                                  # a clause the attribution took for a role, not a title
            rw = [w.lower() for w in words]
            proper = [w.lower().replace("’s", "").replace("'s", "") for w in words if _national(w)]
            if want and proper and not any(_mods_fit([x], [m]) for x in proper for m in want):
                return True                               # two countries: "US" for "the Ukrainian"
            if head not in rw and head in _EXCLUSIVE_OFFICES and any(w in _EXCLUSIVE_OFFICES for w in rw):
                return True
        return False

    def _person_of_age(self, age: str, pos: int) -> str | None:  # "" = someone unnamed
        """The person before `pos` given that age in the text ("Melania Trump, 46,", "46-year-old
        Melania Trump"), else a lone given name of the lexicon given it within 1,500 characters
        ("Oksana, 36, fled ...", "36-year-old Oksana"), the later of the two; "" when the latest
        carrier of that age is a noun ("His wife, 36,"); None when nothing carries it."""
        i = bisect_right(self.starts, pos - 1)
        found: tuple[int, str] | None = None
        for p in reversed(self.people[max(0, i - 20):i]):
            after = self.text[p.end:p.end + 8]
            before = self.text[max(0, p.start - 14):p.start]
            if re.match(rf",\s*{age}\b", after) or re.search(rf"\b{age}-year-old\s+(?:\w+\s+)?$", before):
                found = (p.start, p.name)
                break
        lo = max(0, pos - 1500)
        lone = re.compile(rf"(?<![\w’'-] )\b(?P<a>[A-Z][a-z]+),\s*{age},|\b{age}-year-old\s+(?P<b>[A-Z][a-z]+)\b"
                          rf"(?!\s+[A-Z])|\b(?P<noun>[a-z]+),\s*{age},")
        for m in lone.finditer(self.text, lo, pos):
            if m.group("noun"):
                if m.group("noun") in _PERSON_HEADS | _RELATION_HEADS | {"man", "woman", "mother", "father"} and \
                        (found is None or m.start() > found[0]):
                    found = (m.start(), "")               # "His wife, 36,": someone unnamed has that age
                continue
            name = m.group("a") or m.group("b")
            start = m.start("a") if m.group("a") else m.start("b")
            if _GIVEN_NAMES.get(name.lower(), 0) and (found is None or start > found[0]):
                found = (start, self.index.lookup(name, start))
        return found[1] if found else None

    def is_person(self, speaker: str | None) -> bool:
        """Whether a speaker is a person: not a body named by its head noun ("Ukraine's
        military", "Russia's leadership"), which a he/she never takes."""
        return bool(speaker) and speaker[:1].isupper() and looks_like_person(speaker, titled=True) and \
            speaker not in _METONYMS.values() and \
            speaker.split()[-1] not in _BODY_WORDS | _BODY_HEADS | {"leadership"}


# --- the extractor -------------------------------------------------------------------------
