"""The action's timeline on the admin's change form, read as the signed-in user may read it."""

from django import template

from followup.timeline import timeline_of

register = template.Library()


@register.inclusion_tag("includes/_timeline.html", takes_context=True)
def action_timeline(context, action):
    return {"timeline": timeline_of(action, context["request"].user)}
