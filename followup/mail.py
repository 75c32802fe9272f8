"""The round's mail: the kinds it registers and who each goes to (filled in with the reminders)."""


def round_opened(round, participants):
    """Tell each participant organisation's pilots that the round is open (one mail each)."""
