"""API serializers of the actors app. There is deliberately no Contact serializer: contacts are
personal data; only a consenting pilot's name and job title are published (PilotContactSerializer)."""

from rest_framework import serializers

from actors.models import Contact, Neighbourhood, Organisation, Sector


class SectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sector
        fields = ["code", "name"]


class NeighbourhoodSerializer(serializers.ModelSerializer):
    class Meta:
        model = Neighbourhood
        fields = ["slug", "name", "qpv_code", "is_priority"]


class OrganisationRefSerializer(serializers.ModelSerializer):
    """An organisation named inside another resource."""

    class Meta:
        model = Organisation
        fields = ["slug", "name", "short_name"]


class OrganisationSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    sectors = SectorSerializer(many=True, read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "name",
            "short_name",
            "kind",
            "kind_label",
            "parent",
            "sectors",
            "website",
            "description",
        ]


class PilotContactSerializer(serializers.ModelSerializer):
    """Name and job title only, and only when the person agreed (``public_consent``)."""

    full_name = serializers.CharField(read_only=True)

    class Meta:
        model = Contact
        fields = ["full_name", "job_title"]
