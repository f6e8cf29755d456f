"""Forms of the producer area: they parse and validate input; services write."""

from producers.forms.accounts import (
    EmailAuthenticationForm,
    InvitationForm,
    InvitationSignUpForm,
    SignUpForm,
)
from producers.forms.catalogue import ProductForm, QuickEditForm
from producers.forms.fields import CommuneField, PhotosField, SiretField, clean_phone
from producers.forms.profile import PhotoAltForm, PhotoUploadForm, PointOfSaleForm, ProfileForm

__all__ = [
    "CommuneField", "EmailAuthenticationForm", "InvitationForm", "InvitationSignUpForm",
    "PhotoAltForm", "PhotoUploadForm", "PhotosField", "PointOfSaleForm", "ProductForm",
    "ProfileForm", "QuickEditForm", "SignUpForm", "SiretField", "clean_phone",
]
