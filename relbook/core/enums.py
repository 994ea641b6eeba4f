"""Closed vocabularies of the domain, stored as short stable codes.

The codes are what the database and the CLI use; the UI turns them into words.
"""

from enum import StrEnum


class Gender(StrEnum):
    UNKNOWN = "unknown"
    MALE = "male"
    FEMALE = "female"


class Stage(StrEnum):
    POTENTIAL = "potential"
    INTERESTED = "interested"
    CUSTOMER = "customer"
    LOST = "lost"


class Tier(StrEnum):
    A = "A"
    B = "B"
    C = "C"


class OrgType(StrEnum):
    FOREIGN = "foreign"
    STATE = "state"
    PRIVATE = "private"
    GOVERNMENT = "government"
    OTHER = "other"


class BuyingRole(StrEnum):
    PURCHASER = "purchaser"
    USER = "user"
    GATEKEEPER = "gatekeeper"
    DECISION_MAKER = "decision_maker"


class Personality(StrEnum):
    ANALYTICAL = "analytical"
    DRIVER = "driver"
    EXPRESSIVE = "expressive"
    AMIABLE = "amiable"


class Source(StrEnum):
    RELATIVE = "relative"
    CLASSMATE = "classmate"
    NEIGHBOUR = "neighbour"
    COLLEAGUE = "colleague"
    FRIEND = "friend"
    REFERRAL = "referral"
    EVENT = "event"
    COLD_CALL = "cold_call"
    OTHER = "other"


class FamilyRelation(StrEnum):
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    OTHER = "other"


class CalendarKind(StrEnum):
    SOLAR = "solar"
    LUNAR = "lunar"


class FestivalRule(StrEnum):
    """How a festival's day is found each year."""

    DATE = "date"
    """A lunar or solar month and day (the festival's ``calendar``); 除夕 is the last day."""
    SOLAR_TERM = "solar_term"
    WEEKDAY = "weekday"
    """The n-th weekday of a month, such as the second Sunday of May."""


class SolarTerm(StrEnum):
    """The 24 solar terms (节气) in the order a solar year meets them, named as lunar_python
    spells the terms it writes in pinyin (``DONG_ZHI``), lower-cased."""

    XIAO_HAN = "xiao_han"
    DA_HAN = "da_han"
    LI_CHUN = "li_chun"
    YU_SHUI = "yu_shui"
    JING_ZHE = "jing_zhe"
    CHUN_FEN = "chun_fen"
    QING_MING = "qing_ming"
    GU_YU = "gu_yu"
    LI_XIA = "li_xia"
    XIAO_MAN = "xiao_man"
    MANG_ZHONG = "mang_zhong"
    XIA_ZHI = "xia_zhi"
    XIAO_SHU = "xiao_shu"
    DA_SHU = "da_shu"
    LI_QIU = "li_qiu"
    CHU_SHU = "chu_shu"
    BAI_LU = "bai_lu"
    QIU_FEN = "qiu_fen"
    HAN_LU = "han_lu"
    SHUANG_JIANG = "shuang_jiang"
    LI_DONG = "li_dong"
    XIAO_XUE = "xiao_xue"
    DA_XUE = "da_xue"
    DONG_ZHI = "dong_zhi"


class DateKind(StrEnum):
    BIRTHDAY = "birthday"
    WEDDING = "wedding"
    FOUNDING = "founding"
    FIRST_DEAL = "first_deal"
    PROMOTION = "promotion"
    CUSTOM = "custom"


class Recurrence(StrEnum):
    YEARLY = "yearly"
    ONCE = "once"


class PhoneLabel(StrEnum):
    MOBILE = "mobile"
    WORK = "work"
    HOME = "home"
    OTHER = "other"


LEVELS: tuple[int, ...] = (1, 2, 3, 4, 5)
"""The relationship ladder: 1 prospect, 2 acquainted, 3 engaged, 4 trusted, 5 ally."""


class InteractionType(StrEnum):
    VISIT = "visit"
    CALL = "call"
    MEAL = "meal"
    MESSAGE = "message"
    EMAIL = "email"
    MEETING = "meeting"
    GIFT = "gift"
    GREETING = "greeting"
    OTHER = "other"


class GiftDirection(StrEnum):
    GIVEN = "given"
    RECEIVED = "received"


class GiftOccasion(StrEnum):
    BIRTHDAY = "birthday"
    SPRING_FESTIVAL = "spring_festival"
    MID_AUTUMN = "mid_autumn"
    DRAGON_BOAT = "dragon_boat"
    THANKS = "thanks"
    VISIT = "visit"
    WEDDING = "wedding"
    OTHER = "other"


class IdeaStatus(StrEnum):
    OPEN = "open"
    USED = "used"


class RelationKind(StrEnum):
    """How ``contact`` stands to ``other``: SUPERIOR means contact is other's superior."""

    SUPERIOR = "superior"
    SUBORDINATE = "subordinate"
    PEER = "peer"
    FAMILY = "family"
    FRIEND = "friend"
    OTHER = "other"

    def inverse(self) -> "RelationKind":
        if self is RelationKind.SUPERIOR:
            return RelationKind.SUBORDINATE
        if self is RelationKind.SUBORDINATE:
            return RelationKind.SUPERIOR
        return self


class DealStage(StrEnum):
    """The six key steps of key-account selling (大客户拓展的六个关键步骤), the default stages of
    an opportunity. Users may rename and reorder them and add their own (``deal_stage``)."""

    ANALYSIS = "analysis"
    TRUST = "trust"
    NEEDS = "needs"
    VALUE = "value"
    COMMITMENT = "commitment"
    PAYMENT = "payment"


class DealStatus(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class DealLostReason(StrEnum):
    """Why an opportunity was lost."""

    PRICE = "price"
    COMPETITOR = "competitor"
    NO_BUDGET = "no_budget"
    NO_DECISION = "no_decision"
    TIMING = "timing"
    RELATIONSHIP = "relationship"
    OTHER = "other"


class CustomerLostReason(StrEnum):
    """Why a customer left, from the trainers' survey (most felt neglected)."""

    NEGLECTED = "neglected"
    CHEAPER_OFFER = "cheaper_offer"
    FRIEND_ADVICE = "friend_advice"
    MOVED_AWAY = "moved_away"
    NATURAL_DRIFT = "natural_drift"
    DEATH = "death"
    OTHER = "other"
