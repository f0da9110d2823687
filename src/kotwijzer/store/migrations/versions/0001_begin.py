"""Organisaties, gebruikers, sessies, dossiers, scenario's met versies en het auditlog.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisatie",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("naam", sa.String(120), nullable=False, unique=True),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "gebruiker",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("organisatie_id", sa.Integer(), sa.ForeignKey("organisatie.id", ondelete="CASCADE"), nullable=False),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("wachtwoord_hash", sa.String(255), nullable=False),
        sa.Column("rol", sa.String(20), nullable=False),
        sa.Column("actief", sa.Boolean(), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_gebruiker_organisatie_id", "gebruiker", ["organisatie_id"])
    op.create_table(
        "sessie",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("gebruiker_id", sa.Integer(), sa.ForeignKey("gebruiker.id", ondelete="CASCADE"), nullable=False),
        sa.Column("soort", sa.String(10), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verloopt", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_sessie_gebruiker_id", "sessie", ["gebruiker_id"])
    op.create_table(
        "dossier",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("organisatie_id", sa.Integer(), sa.ForeignKey("organisatie.id", ondelete="CASCADE"), nullable=False),
        sa.Column("label", sa.String(60), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_dossier_organisatie_id", "dossier", ["organisatie_id"])
    op.create_table(
        "scenario",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("dossier_id", sa.Integer(), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("naam", sa.String(80), nullable=False),
        sa.Column("huidige_versie", sa.Integer(), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_scenario_dossier_id", "scenario", ["dossier_id"])
    op.create_table(
        "scenario_versie",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("scenario_id", sa.Integer(), sa.ForeignKey("scenario.id", ondelete="CASCADE"), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.Column("invoer", sa.JSON(), nullable=False),
        sa.Column("samenvatting", sa.JSON(), nullable=False),
        sa.Column("toelichting", sa.String(200), nullable=False),
        sa.Column("gebruiker_id", sa.Integer(), sa.ForeignKey("gebruiker.id", ondelete="SET NULL"), nullable=True),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("scenario_id", "versie", name="uq_scenario_versie"),
    )
    op.create_index("ix_scenario_versie_scenario_id", "scenario_versie", ["scenario_id"])
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("tijd", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("organisatie_id", sa.Integer(), nullable=True),
        sa.Column("gebruiker_id", sa.Integer(), nullable=True),
        sa.Column("actie", sa.String(40), nullable=False),
        sa.Column("object_soort", sa.String(20), nullable=True),
        sa.Column("object_id", sa.Integer(), nullable=True),
        sa.Column("versie", sa.Integer(), nullable=True),
    )
    op.create_index("ix_audit_organisatie_id", "audit", ["organisatie_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_organisatie_id", table_name="audit")
    op.drop_table("audit")
    op.drop_index("ix_scenario_versie_scenario_id", table_name="scenario_versie")
    op.drop_table("scenario_versie")
    op.drop_index("ix_scenario_dossier_id", table_name="scenario")
    op.drop_table("scenario")
    op.drop_index("ix_dossier_organisatie_id", table_name="dossier")
    op.drop_table("dossier")
    op.drop_index("ix_sessie_gebruiker_id", table_name="sessie")
    op.drop_table("sessie")
    op.drop_index("ix_gebruiker_organisatie_id", table_name="gebruiker")
    op.drop_table("gebruiker")
    op.drop_table("organisatie")
