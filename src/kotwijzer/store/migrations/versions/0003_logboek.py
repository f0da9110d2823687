"""Logboek: de naam van een gebruiker, en bij elke regel van het auditlog het dossier waar de actie over gaat.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("gebruiker") as b:
        b.add_column(sa.Column("naam", sa.String(80), nullable=False, server_default=""))
    with op.batch_alter_table("audit") as b:
        b.add_column(sa.Column("dossier_id", sa.Integer(), nullable=True))
    op.create_index("ix_audit_dossier_id", "audit", ["dossier_id"])
    # lines written before this migration: the dossier of a dossier line is its own id
    op.execute("UPDATE audit SET dossier_id = object_id WHERE object_soort = 'dossier'")
    op.execute(
        "UPDATE audit SET dossier_id = (SELECT scenario.dossier_id FROM scenario WHERE scenario.id = audit.object_id) "
        "WHERE object_soort = 'scenario'"
    )


def downgrade() -> None:
    op.drop_index("ix_audit_dossier_id", table_name="audit")
    with op.batch_alter_table("audit") as b:
        b.drop_column("dossier_id")
    with op.batch_alter_table("gebruiker") as b:
        b.drop_column("naam")
