"""Everyday sentences in five languages, each with the things a picture of it should show.

Written for ``speech2image bench languages`` before any run, in the registers of ordinary
speech (home, food, a walk, school, a day out); the things are English nouns as a picture
would draw them, with ``|`` between the words a translation may fairly use instead
("bike|bicycle"). Every third sentence of each language (``held_out``) is kept out of all
tuning: the bench reports it apart, and nothing may be tuned on its figures.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SpokenSentence:
    """One sentence to say, in its language, and the English things it names."""

    language: str
    text: str
    things: tuple[str, ...]
    """English nouns, each ``word|other word`` where a translation may use either."""
    held_out: bool


def _sentences(language: str, rows: list[tuple[str, str]]) -> list[SpokenSentence]:
    return [
        SpokenSentence(language, text, tuple(things.split()), held_out=k % 3 == 2)
        for k, (text, things) in enumerate(rows)
    ]


SPANISH = [
    ("El perro duerme debajo de la mesa.", "dog table"),
    ("Mi hermana compró un coche rojo.", "car"),
    ("Hay tres manzanas en la cesta.", "apple basket"),
    ("El gato bebe leche en la cocina.", "cat milk"),
    ("Un pájaro canta en el árbol.", "bird tree"),
    ("Los niños juegan con una pelota en el parque.", "child|kid|boy|children ball"),
    ("Mi abuelo lee un libro junto a la ventana.", "man|grandfather|grandpa book window"),
    ("Comemos pan y queso para desayunar.", "bread cheese"),
    ("El caballo corre por la playa.", "horse"),
    ("Ella lleva un paraguas amarillo.", "umbrella"),
    ("Un barco grande navega en el mar.", "boat|ship"),
    ("La profesora escribe en la pizarra.", "teacher|woman board|blackboard|chalkboard"),
    ("Mi hijo monta en bicicleta todos los días.", "bike|bicycle"),
    ("Hay una taza de café sobre la mesa.", "coffee|cup table"),
    ("El tren llega a la estación.", "train"),
    ("Una vaca come hierba en el campo.", "cow grass"),
    ("Compré flores para mi madre.", "flower"),
    ("El sol brilla sobre las montañas.", "sun mountain"),
]

GERMAN = [
    ("Der Hund schläft unter dem Tisch.", "dog table"),
    ("Meine Schwester hat ein rotes Auto gekauft.", "car"),
    ("Im Korb liegen drei Äpfel.", "apple basket"),
    ("Die Katze trinkt Milch in der Küche.", "cat milk"),
    ("Ein Vogel singt im Baum.", "bird tree"),
    ("Die Kinder spielen im Park mit einem Ball.", "child|kid|boy|children ball"),
    ("Mein Großvater liest ein Buch am Fenster.", "man|grandfather|grandpa book window"),
    ("Zum Frühstück essen wir Brot und Käse.", "bread cheese"),
    ("Das Pferd läuft am Strand.", "horse"),
    ("Sie trägt einen gelben Regenschirm.", "umbrella"),
    ("Ein großes Schiff fährt auf dem Meer.", "boat|ship"),
    ("Die Lehrerin schreibt an die Tafel.", "teacher|woman board|blackboard|chalkboard"),
    ("Mein Sohn fährt jeden Tag Fahrrad.", "bike|bicycle"),
    ("Auf dem Tisch steht eine Tasse Kaffee.", "coffee|cup table"),
    ("Der Zug kommt am Bahnhof an.", "train"),
    ("Eine Kuh frisst Gras auf der Wiese.", "cow grass"),
    ("Ich habe Blumen für meine Mutter gekauft.", "flower"),
    ("Die Sonne scheint über den Bergen.", "sun mountain"),
]

FRENCH = [
    ("Le chien dort sous la table.", "dog table"),
    ("Ma sœur a acheté une voiture rouge.", "car"),
    ("Il y a trois pommes dans le panier.", "apple basket"),
    ("Le chat boit du lait dans la cuisine.", "cat milk"),
    ("Un oiseau chante dans l'arbre.", "bird tree"),
    ("Les enfants jouent au ballon dans le parc.", "child|kid|boy|children ball"),
    ("Mon grand-père lit un livre près de la fenêtre.", "man|grandfather|grandpa book window"),
    ("Nous mangeons du pain et du fromage au petit déjeuner.", "bread cheese"),
    ("Le cheval court sur la plage.", "horse"),
    ("Elle porte un parapluie jaune.", "umbrella"),
    ("Un grand bateau navigue sur la mer.", "boat|ship"),
    ("La maîtresse écrit au tableau.", "teacher|woman board|blackboard|chalkboard"),
    ("Mon fils fait du vélo tous les jours.", "bike|bicycle"),
    ("Il y a une tasse de café sur la table.", "coffee|cup table"),
    ("Le train arrive à la gare.", "train"),
    ("Une vache mange de l'herbe dans le pré.", "cow grass"),
    ("J'ai acheté des fleurs pour ma mère.", "flower"),
    ("Le soleil brille sur les montagnes.", "sun mountain"),
]

ITALIAN = [
    ("Il cane dorme sotto il tavolo.", "dog table"),
    ("Mia sorella ha comprato una macchina rossa.", "car"),
    ("Ci sono tre mele nel cestino.", "apple basket"),
    ("Il gatto beve il latte in cucina.", "cat milk"),
    ("Un uccello canta sull'albero.", "bird tree"),
    ("I bambini giocano a palla nel parco.", "child|kid|boy|children ball"),
    ("Mio nonno legge un libro vicino alla finestra.", "man|grandfather|grandpa book window"),
    ("A colazione mangiamo pane e formaggio.", "bread cheese"),
    ("Il cavallo corre sulla spiaggia.", "horse"),
    ("Lei porta un ombrello giallo.", "umbrella"),
    ("Una grande nave naviga sul mare.", "boat|ship"),
    ("La maestra scrive alla lavagna.", "teacher|woman board|blackboard|chalkboard"),
    ("Mio figlio va in bicicletta ogni giorno.", "bike|bicycle"),
    ("C'è una tazza di caffè sul tavolo.", "coffee|cup table"),
    ("Il treno arriva in stazione.", "train"),
    ("Una mucca mangia l'erba nel prato.", "cow grass"),
    ("Ho comprato dei fiori per mia madre.", "flower"),
    ("Il sole splende sulle montagne.", "sun mountain"),
]

PORTUGUESE = [
    ("O cão dorme debaixo da mesa.", "dog table"),
    ("A minha irmã comprou um carro vermelho.", "car"),
    ("Há três maçãs no cesto.", "apple basket"),
    ("O gato bebe leite na cozinha.", "cat milk"),
    ("Um pássaro canta na árvore.", "bird tree"),
    ("As crianças jogam à bola no parque.", "child|kid|boy|children ball"),
    ("O meu avô lê um livro ao pé da janela.", "man|grandfather|grandpa book window"),
    ("Ao pequeno-almoço comemos pão e queijo.", "bread cheese"),
    ("O cavalo corre na praia.", "horse"),
    ("Ela leva um guarda-chuva amarelo.", "umbrella"),
    ("Um grande barco navega no mar.", "boat|ship"),
    ("A professora escreve no quadro.", "teacher|woman board|blackboard|chalkboard"),
    ("O meu filho anda de bicicleta todos os dias.", "bike|bicycle"),
    ("Há uma chávena de café em cima da mesa.", "coffee|cup table"),
    ("O comboio chega à estação.", "train"),
    ("Uma vaca come erva no campo.", "cow grass"),
    ("Comprei flores para a minha mãe.", "flower"),
    ("O sol brilha sobre as montanhas.", "sun mountain"),
]

SENTENCES: tuple[SpokenSentence, ...] = tuple(
    s
    for language, rows in (
        ("es", SPANISH),
        ("de", GERMAN),
        ("fr", FRENCH),
        ("it", ITALIAN),
        ("pt", PORTUGUESE),
    )
    for s in _sentences(language, rows)
)
"""Every sentence, in order; a third of each language held out."""

VOICES = {"es": "es", "de": "de", "fr": "fr-fr", "it": "it", "pt": "pt"}
"""The espeak-ng voice that says each language."""
