from rest_framework import serializers

from desist.people.models import Address, Case


class AddressSerializer(serializers.ModelSerializer):
    class Meta:
        model = Address
        fields = [
            "status",
            "type",
            "line_1",
            "line_2",
            "town",
            "county",
            "postcode",
            "start_date",
            "end_date",
        ]


class CaseSummarySerializer(serializers.ModelSerializer):
    practitioner = serializers.CharField(source="practitioner.get_full_name", default=None)

    class Meta:
        model = Case
        fields = ["crn", "first_name", "last_name", "date_of_birth", "pnc", "practitioner"]


class CaseDetailSerializer(CaseSummarySerializer):
    addresses = AddressSerializer(many=True, read_only=True)

    class Meta(CaseSummarySerializer.Meta):
        fields = [
            *CaseSummarySerializer.Meta.fields,
            "middle_names",
            "preferred_name",
            "gender",
            "prison_number",
            "language",
            "interpreter_required",
            "addresses",
        ]
