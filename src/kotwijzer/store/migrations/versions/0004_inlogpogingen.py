"""Inlogpogingen in de database (een atomaire limiet, gedeeld door alle workers), het laatste gebruik van een sessie
(time-out bij inactiviteit), en e-mailadressen uniek per organisatie in plaats van overal (een beheerder mag niet
kunnen zien of een adres bij een andere organisatie bestaat).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inlogpoging",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sleutel", sa.String(80), nullable=False),
        sa.Column("tijd", sa.Float(), nullable=False),
    )
    op.create_index("ix_inlogpoging_sleutel_tijd", "inlogpoging", ["sleutel", "tijd"])
    with op.batch_alter_table("sessie") as b:
        b.add_column(sa.Column("laatst_gebruikt", sa.DateTime(timezone=True), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # SQLite cannot drop the unnamed UNIQUE(email): the table is rebuilt from this definition (foreign keys are
        # switched off around the migration, see kotwijzer.store.db.migreer)
        with op.batch_alter_table("gebruiker", recreate="always", copy_from=_gebruiker(sa.MetaData())):
            pass
    else:
        for uc in sa.inspect(bind).get_unique_constraints("gebruiker"):
            if uc["column_names"] == ["email"] and uc["name"] is not None:  # PostgreSQL names every constraint
                op.drop_constraint(uc["name"], "gebruiker", type_="unique")
        op.create_unique_constraint("uq_gebruiker_organisatie_email", "gebruiker", ["organisatie_id", "email"])
        op.create_index("ix_gebruiker_email", "gebruiker", ["email"])


def _gebruiker(md: sa.MetaData) -> sa.Table:
    sa.Table("organisatie", md, sa.Column("id", sa.Integer(), primary_key=True))
    return sa.Table(
        "gebruiker",
        md,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("organisatie_id", sa.Integer(), sa.ForeignKey("organisatie.id", ondelete="CASCADE"), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("naam", sa.String(80), nullable=False, server_default=""),  # added by migration 0003
        sa.Column("wachtwoord_hash", sa.String(255), nullable=False),
        sa.Column("rol", sa.String(20), nullable=False),
        sa.Column("actief", sa.Boolean(), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("organisatie_id", "email", name="uq_gebruiker_organisatie_email"),
        sa.Index("ix_gebruiker_organisatie_id", "organisatie_id"),
        sa.Index("ix_gebruiker_email", "email"),
    )


def downgrade() -> None:
    with op.batch_alter_table("sessie") as b:
        b.drop_column("laatst_gebruikt")
    op.drop_index("ix_inlogpoging_sleutel_tijd", table_name="inlogpoging")
    op.drop_table("inlogpoging")
