"""Django's JSON serialisation, but keeping datetimes and times to the microsecond.

``DjangoJSONEncoder`` cuts them to the millisecond: a restored row would differ from the saved one
(history dates, the moment a value was entered). Loaded back by Django's own JSON deserialiser.
"""

import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactEncoder
