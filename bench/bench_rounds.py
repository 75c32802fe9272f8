"""A reporting round at the size of a big territory, each figure against a floor measured in the same run.

    .venv/bin/python bench/bench_rounds.py [--actions 2000] [--repeat 10]

Builds a synthetic strategy (loadsynthetic: about one organisation per 15 actions) in a throwaway
SQLite database under var/bench/ (or DATABASE_URL), gives each pilot organisation one pilot account
with an address, then times:
- opening the round (``followup.rounds.open_round``: participants, reports, one opening mail per
  pilot queued) against bulk-inserting the same participant and report rows;
- the coordination's state view, a pilot's list and one action's page, through Django's full stack
  (middleware, login), against a floor: a trivial view returning the same bytes through the same stack;
- the daily reminders (``followup.reminders``, through the task's function) against creating the
  same notification rows in bulk.
"""

import argparse
import datetime
import io
import statistics
import sys
import time

from run import SLUG, setup_django


def median_ms(function, repeat):
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        durations.append((time.perf_counter() - start) * 1000)
    return statistics.median(durations)


def build(actions):
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    from actors import roles
    from actors.models import Contact
    from strategy.models import Action

    call_command("migrate", verbosity=0)
    call_command("loadsynthetic", SLUG, actions=actions, seed=1, stdout=io.StringIO())
    pilots = Group.objects.get(name=roles.PILOTE)
    organisation_ids = sorted(
        set(Action.objects.filter(strategy__slug=SLUG).values_list("pilot_id", flat=True))
    )
    users = User.objects.bulk_create(
        User(username=f"pilote-{pk}", email=f"pilote-{pk}@bench.example.org", is_staff=True)
        for pk in organisation_ids
    )
    users = list(User.objects.filter(username__startswith="pilote-").order_by("username"))
    User.groups.through.objects.bulk_create(User.groups.through(user=user, group=pilots) for user in users)
    by_name = {user.username: user for user in users}
    Contact.objects.bulk_create(
        Contact(organisation_id=pk, first_name="Pilote", last_name=str(pk), user=by_name[f"pilote-{pk}"])
        for pk in organisation_ids
    )
    coordination = User.objects.create(username="coordination-bench", is_staff=True)
    coordination.groups.add(Group.objects.get(name=roles.COORDINATION))
    return coordination


def bench_opening(coordination, repeat):
    from django.db import transaction

    from followup import rounds
    from followup.models import ActionReport, ReportingRound, RoundParticipant
    from strategy.models import Strategy

    strategy = Strategy.objects.get(slug=SLUG)

    class Rollback(Exception):
        pass

    def opening():
        try:
            with transaction.atomic():
                round = ReportingRound.objects.create(
                    strategy=strategy, period="2024-2025", year=2024, deadline=datetime.date(2025, 10, 15)
                )
                rounds.open_round(round, coordination)
                raise Rollback
        except Rollback:
            pass

    def floor():
        try:
            with transaction.atomic():
                round = ReportingRound.objects.create(
                    strategy=strategy, period="2024-2025", year=2024, deadline=datetime.date(2025, 10, 15)
                )
                actions = list(rounds.actions_in_scope(round).values_list("pk", "pilot_id"))
                participants = {
                    participant.organisation_id: participant
                    for participant in RoundParticipant.objects.bulk_create(
                        RoundParticipant(round=round, organisation_id=pilot)
                        for pilot in sorted({pilot for _, pilot in actions})
                    )
                }
                ActionReport.objects.bulk_create(
                    ActionReport(round=round, participant=participants[pilot], action_id=pk)
                    for pk, pilot in actions
                )
                raise Rollback
        except Rollback:
            pass

    opening_ms, floor_ms = median_ms(opening, repeat), median_ms(floor, repeat)
    round = ReportingRound.objects.create(
        strategy=strategy,
        period="2024-2025",
        year=2024,
        deadline=datetime.date.today() + datetime.timedelta(days=3),
        reminder_days=3,
    )
    rounds.open_round(round, coordination)
    print(
        f"  {round.participants.count()} organisations, {round.reports.count()} action reports, "
        f"one announcement queued for the worker ({round.participants.count()} organisations to mail)"
    )
    print(f"{'open_round':45} {opening_ms:9.1f} ms   floor {floor_ms:8.1f} ms   ×{opening_ms / floor_ms:.1f}")
    return round


def bench_pages(round, coordination, repeat):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.urls import FLOOR_BODIES
    from followup.models import RoundParticipant

    busiest = (
        RoundParticipant.objects.filter(round=round)
        .order_by("-reports__id")
        .select_related("organisation")
        .first()
    )
    from django.contrib.auth.models import User

    pilot = User.objects.get(username=f"pilote-{busiest.organisation_id}")
    report = busiest.reports.first()
    pages = [
        (coordination, f"/admin/followup/reportinground/{round.pk}/etat/"),
        (pilot, f"/admin/suivi/{round.pk}/"),
        (pilot, f"/admin/suivi/{round.pk}/actions/{report.action_id}/"),
    ]
    for key, (user, url) in enumerate(pages):
        client = Client()
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        FLOOR_BODIES[100 + key] = (response.content, response["Content-Type"])
        page_ms = median_ms(lambda url=url, client=client: client.get(url), repeat)
        floor_ms = median_ms(lambda key=key, client=client: client.get(f"/__floor__/{100 + key}"), repeat)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        print(
            f"{url[:45]:45} {page_ms:9.1f} ms   floor {floor_ms:8.1f} ms   ×{page_ms / floor_ms:.1f}   "
            f"{len(response.content) / 1024:.0f} KB, {len(queries)} queries"
        )


def bench_reminders(round, repeat):
    from django.db import transaction

    from followup import reminders
    from followup.rounds import participants_with_progress
    from notifications.models import Notification

    class Rollback(Exception):
        pass

    def reminding():
        try:
            with transaction.atomic():
                reminders.remind(participants_with_progress(round))
                raise Rollback
        except Rollback:
            pass

    def floor():
        from django.contrib.auth.models import User

        try:
            with transaction.atomic():
                Notification.objects.bulk_create(
                    Notification(user=user, kind="round_reminder", params={}, link="/")
                    for user in User.objects.filter(username__startswith="pilote-")
                )
                raise Rollback
        except Rollback:
            pass

    reminding_ms, floor_ms = median_ms(reminding, repeat), median_ms(floor, repeat)
    print(
        f"{'reminders (every organisation)':45} {reminding_ms:9.1f} ms   floor {floor_ms:8.1f} ms   ×{reminding_ms / floor_ms:.1f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    setup_django()
    start = time.perf_counter()
    coordination = build(args.actions)
    print(f"Synthetic territory of {args.actions} actions built in {time.perf_counter() - start:.1f} s")
    round = bench_opening(coordination, max(3, args.repeat // 3))
    bench_pages(round, coordination, args.repeat)
    bench_reminders(round, max(3, args.repeat // 3))


if __name__ == "__main__":
    sys.exit(main())
