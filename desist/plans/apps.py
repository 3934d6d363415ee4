from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.plans"
    label = "plans"
