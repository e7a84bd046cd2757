"""Word lists of the kinds of things the verbs and relations need to know.

People and animals act, wear and hold things; clothing is worn; body parts belong to
their owner; containers hold; placing verbs put a thing where a phrase says. These are
the language stage's own lists (the drawing keeps its own in imaging/compose).
"""

from __future__ import annotations

from speech2image.language.vocabulary import FEMALE_WORDS, MALE_WORDS, PERSON_WORDS

CLOTHING = frozenset(
    {"hat", "cap", "dress", "shirt", "t-shirt", "coat", "jacket", "scarf", "glasses",
     "sunglasses", "boot", "shoe", "helmet", "crown", "tie", "bow tie", "skirt", "sweater",
     "jumper", "glove", "mask", "costume", "uniform", "suit", "pajamas", "pyjamas",
     "raincoat", "hoodie", "jeans", "trousers", "pants", "shorts", "sock", "apron",
     "necklace", "earring", "ring", "cape", "bikini", "swimsuit", "sneaker", "sandal",
     "vest", "blouse", "gown", "robe", "overalls", "mitten", "beanie", "bonnet", "veil",
     "backpack", "rucksack", "schoolbag"}
)  # fmt: skip
"""Things worn: "a girl in a red dress" and "a boy with a hat" are wearing them."""
BODY_PARTS = frozenset(
    {"eye", "ear", "nose", "mouth", "tail", "hair", "leg", "arm", "hand", "foot", "wing",
     "whisker", "tooth", "fur", "face", "head", "finger", "paw", "beak", "horn", "trunk",
     "neck", "back", "feather", "spot", "stripe", "smile", "beard", "moustache", "mane",
     "lap", "shoulder", "knee"}
)  # fmt: skip
"""Parts of the thing itself: "the cat has long whiskers" holds nothing."""
ANIMALS = frozenset(
    {"cat", "dog", "horse", "cow", "sheep", "pig", "goat", "chicken", "hen", "rooster",
     "duck", "duckling", "goose", "bird", "owl", "eagle", "parrot", "pigeon", "penguin",
     "elephant", "giraffe", "zebra", "lion", "tiger", "bear", "polar bear", "monkey", "ape",
     "gorilla", "fox", "wolf", "deer", "rabbit", "bunny", "mouse", "rat", "hamster",
     "squirrel", "frog", "toad", "snake", "lizard", "turtle", "tortoise", "fish", "shark",
     "whale", "dolphin", "octopus", "crab", "bee", "butterfly", "ant", "spider", "camel",
     "kangaroo", "koala", "panda", "puppy", "kitten", "calf", "foal", "lamb", "donkey",
     "dragon", "unicorn", "dinosaur", "hedgehog", "badger", "otter", "seal", "swan", "crow",
     "hippo", "rhino", "cheetah", "leopard", "bat", "snail", "ladybug", "guinea pig"}
)  # fmt: skip
"""Animals: they act ("the dog ran"), as people do."""
PEOPLE = frozenset(
    {*PERSON_WORDS, *FEMALE_WORDS, *MALE_WORDS, "grandma", "grandpa", "granny", "kid",
     "toddler", "family", "cook", "nurse",
     "firefighter", "fisherman", "knight", "clown", "dancer", "singer", "player", "driver",
     "rider", "sailor", "soldier", "worker", "baker", "artist", "musician", "neighbor",
     "neighbour", "he", "she", "they", "him", "her", "them", "cowboy", "guy", "someone",
     "niece", "nephew", "cousin", "aunt", "auntie", "uncle", "daddy", "mum", "mummy", "mommy",
     "mama", "papa", "nana", "grandad", "granddad", "grandparent", "boyfriend", "girlfriend",
     "teenager", "pilot", "hunter", "shepherd", "stranger", "traveller", "traveler", "elf",
     "fairy", "giant"}
)  # fmt: skip
"""People words (and the pronouns of people): they act, wear and hold things."""

PAIRS = frozenset({"parent", "grandparent", "twin", "newlywed", "bride and groom"})
"""People who come in twos: "my grandparents", "the twins" are two unless a number is said."""

PLACING_VERBS = frozenset({"put", "place", "set", "lay", "write", "draw", "hang", "stick",
                          "pin", "drop", "throw", "pour", "spread", "plant"})  # fmt: skip
"""Verbs whose object goes where the phrase says, even an object that is not drawn."""
CONTAINERS = frozenset({"bowl", "basket", "box", "bag", "jar", "plate", "cup", "glass", "tray",
                       "bucket", "vase", "pot", "bottle", "crate", "tin"})  # fmt: skip
"""Things that hold other things: "a bowl of cherries" is cherries in a bowl."""
FABRICS = frozenset(
    {"silk", "satin", "velvet", "linen", "tweed", "denim", "lace", "leather", "wool",
     "cotton", "lycra", "corduroy", "sequin", "rag", "finery", "white", "black", "camouflage",
     "khaki", "fleece", "flannel", "chiffon", "tartan", "cashmere"}
)  # fmt: skip
"""Cloth and what is made of it, worn by whoever is "in" it ("the jockey in the green
silks", "a bride in white lace", "dressed in rags"): the clothes of the one wearing
them, never a bolt of cloth beside them."""
WORN_ON_FEET_OR_HANDS = frozenset({"boot", "shoe", "sock", "glove", "mitten", "sneaker", "sandal"})
"""Things worn on the feet or hands: "a boy with boots" wears them, not on his head."""

FEMALE_NAMES = frozenset(
    {"anna", "anne", "ann", "amy", "alice", "amelia", "ava", "emma", "emily", "olivia",
     "sophia", "sophie", "isabella", "mia", "charlotte", "grace", "lily", "lucy", "ella",
     "chloe", "zoe", "hannah", "sarah", "sara", "laura", "lisa", "maria", "mary", "julia",
     "kate", "katie", "jane", "jenny", "jessica", "rachel", "rebecca", "rose", "ruby",
     "holly", "poppy", "daisy", "molly", "megan", "lauren", "natalie", "nina", "nora",
     "clara", "eva", "eve", "ellie", "freya", "isla", "ivy", "leah", "maya", "mila",
     "priya", "aisha", "fatima", "sofia", "lena", "elena", "helen", "susan", "linda",
     "karen", "nancy", "betty", "margaret", "elizabeth", "liz", "beth", "jennifer",
     "michelle", "anita", "ingrid", "heidi", "yuki", "mei", "ana", "carmen", "lucia",
     "paula", "marta", "claire", "diana", "fiona", "gemma", "harriet", "jasmine", "josie",
     "kim", "lola", "martha", "matilda", "naomi", "olive", "penny", "sienna", "tina",
     "victoria", "wendy", "abigail", "bella", "eleanor", "esther", "gloria", "irene"}
)  # fmt: skip
"""First names of women and girls: "I met Anna" draws a woman."""
MALE_NAMES = frozenset(
    {"tom", "tommy", "sam", "jack", "james", "john", "johnny", "peter", "paul", "mark",
     "david", "michael", "mike", "daniel", "dan", "chris", "matt", "matthew", "andrew",
     "ben", "benjamin", "adam", "alex", "oliver", "harry", "george", "charlie", "noah",
     "leo", "oscar", "max", "lucas", "luke", "liam", "ethan", "jacob", "joe", "joseph",
     "josh", "william", "will", "bill", "bob", "robert", "richard", "rich", "steve",
     "steven", "tim", "timmy", "tony", "frank", "fred", "henry", "hugo", "ian", "jake",
     "jim", "kevin", "martin", "nick", "owen", "patrick", "ryan", "simon", "thomas",
     "toby", "victor", "alfie", "archie", "arthur", "edward", "felix", "finn", "isaac",
     "jamie", "leon", "louis", "mohammed", "muhammad", "ahmed", "ali", "omar", "raj",
     "arjun", "ravi", "hans", "jan", "juan", "carlos", "pedro", "marco", "luca", "pablo",
     "ivan", "igor", "kenji", "hiro", "wei", "brian", "gary", "greg", "jason", "jeff",
     "larry", "scott", "stephen", "ted", "walter", "albert", "billy", "eddie", "jeremy"}
)  # fmt: skip
"""First names of men and boys: "Tom helped me" draws a man."""


def person_noun(name: str) -> str:
    """The noun a person known only by ``name`` is drawn as: woman, man or person."""
    first = name.split()[0].lower() if name.strip() else ""
    if first in FEMALE_NAMES:
        return "woman"
    return "man" if first in MALE_NAMES else "person"


FIGURES = frozenset(
    {"snowman", "scarecrow", "doll", "teddy bear", "teddy", "robot", "puppet", "statue",
     "mannequin", "gingerbread man"}
)  # fmt: skip
"""Things shaped like a person or an animal: they wear and hold things as people do."""
INSTRUMENTS = frozenset(
    {"violin", "guitar", "piano", "drum", "drums", "trumpet", "flute", "cello", "harp",
     "saxophone", "clarinet", "ukulele", "banjo", "accordion", "keyboard", "recorder",
     "trombone", "tuba", "harmonica", "bagpipes", "xylophone", "viola", "oboe"}
)  # fmt: skip
"""Musical instruments: learning or practising one is playing it."""
RACES = frozenset({"marathon", "race", "sprint", "relay", "jog", "run", "5k", "10k"})
"""Races run: finishing, winning or running one is running."""
