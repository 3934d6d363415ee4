from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.oversight"
    label = "oversight"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from desist.audit.models import AuditEvent
        from desist.oversight.actions import audited

        post_save.connect(audited, sender=AuditEvent, dispatch_uid="oversight.actions")
