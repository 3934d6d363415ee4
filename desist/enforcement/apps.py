from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.enforcement"
    label = "enforcement"
