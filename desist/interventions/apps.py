from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.interventions"
    label = "interventions"
