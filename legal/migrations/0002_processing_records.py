"""The processing of personal data the portal itself implies, for the city to complete or correct."""

from django.db import migrations

RECORDS = [
    {
        "position": 1,
        "name": "Comptes des agents et des partenaires",
        "purpose": (
            "Donner accès à l'espace de co-construction (agents, pilotes d'action, comité de pilotage) "
            "et à la concertation (partenaires) ; protéger ces accès contre les tentatives d'intrusion."
        ),
        "legal_basis": "public_task",
        "data_subjects": (
            "Agents de la collectivité, membres du comité de pilotage, personnes des structures "
            "partenaires à qui un compte a été ouvert."
        ),
        "data_categories": (
            "Identifiant, nom, prénom, courriel, structure, rôle, date de dernière connexion, "
            "historique des modifications faites ; adresse IP des tentatives de connexion échouées."
        ),
        "recipients": "L'équipe de coordination de la stratégie et les personnes qui administrent le portail.",
        "retention": (
            "Le temps de la stratégie ; le compte est fermé à la fin de la mission de la personne ou à sa "
            "demande. Les tentatives de connexion échouées sont effacées par une connexion réussie."
        ),
        "rights": "",
    },
    {
        "position": 2,
        "name": "Contributions aux concertations",
        "purpose": "Recueillir l'avis des partenaires sur les projets de stratégie et leur répondre.",
        "legal_basis": "public_task",
        "data_subjects": "Les partenaires connectés qui déposent une contribution.",
        "data_categories": "Texte de la contribution, nom de son auteur ou autrice, date, réponse apportée.",
        "recipients": (
            "L'équipe de coordination et le comité de pilotage ; le courriel de l'auteur ou de l'autrice "
            "n'est jamais publié."
        ),
        "retention": "Avec l'historique de la stratégie, dont la concertation fait partie.",
        "rights": "",
    },
    {
        "position": 3,
        "name": "Contacts des structures",
        "purpose": (
            "Savoir qui joindre dans chaque structure qui pilote une action ou y participe, et, avec "
            "l'accord de la personne, afficher le nom et la fonction d'un ou d'une référent·e d'action."
        ),
        "legal_basis": "public_task",
        "data_subjects": "Personnes des structures pilotes et partenaires.",
        "data_categories": "Nom, prénom, fonction, courriel et téléphone professionnels, accord pour l'affichage public.",
        "recipients": (
            "L'équipe de coordination, le comité de pilotage et les pilotes d'action ; le public ne voit "
            "que le nom et la fonction des personnes qui l'ont accepté, jamais leurs coordonnées."
        ),
        "retention": "Le temps de la stratégie, ou jusqu'à ce que la personne quitte la structure.",
        "rights": "",
    },
    {
        "position": 4,
        "name": "Courriels et notifications",
        "purpose": (
            "Prévenir les agents et les partenaires de ce qui les attend : contributions, validations, "
            "campagnes de suivi, rappels, résumés quotidiens."
        ),
        "legal_basis": "public_task",
        "data_subjects": "Les personnes qui ont un compte sur le portail.",
        "data_categories": "Courriel, langue et fréquence choisies, courriels désactivés, journal des envois.",
        "recipients": "Le prestataire d'envoi de courriels de la collectivité, pour l'acheminement seulement.",
        "retention": (
            "Les préférences, le temps du compte ; le journal des envois, le temps nécessaire au suivi "
            "des envois. Chaque courriel contient un lien pour se désabonner."
        ),
        "rights": "",
    },
]


def add_records(apps, schema_editor):
    ProcessingRecord = apps.get_model("legal", "ProcessingRecord")
    for record in RECORDS:
        ProcessingRecord.objects.get_or_create(name=record["name"], defaults=record)


def remove_records(apps, schema_editor):
    apps.get_model("legal", "ProcessingRecord").objects.filter(name__in=[r["name"] for r in RECORDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]

    operations = [migrations.RunPython(add_records, remove_records)]
