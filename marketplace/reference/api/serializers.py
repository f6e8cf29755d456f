from rest_framework import serializers

from marketplace.reference.models import Category, Commune, Epci


class EpciSerializer(serializers.ModelSerializer):
    class Meta:
        model = Epci
        fields = ["siren", "nom"]


class CommuneSerializer(serializers.ModelSerializer):
    departement = serializers.CharField(source="departement_id", read_only=True)
    codes_postaux = serializers.ListField(
        source="postal_codes", child=serializers.CharField(), read_only=True
    )
    epci = EpciSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Commune
        fields = ["code_insee", "nom", "departement", "codes_postaux", "epci", "latitude",
                  "longitude", "population"]


class CommuneRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Commune
        fields = ["code_insee", "nom"]


class CategorySerializer(serializers.ModelSerializer):
    # DRF pops declared fields from the class, so this does not shadow Serializer.parent.
    parent = serializers.SlugRelatedField(  # type: ignore[assignment,var-annotated]
        slug_field="slug", read_only=True, allow_null=True
    )

    class Meta:
        model = Category
        fields = ["slug", "nom", "parent"]
