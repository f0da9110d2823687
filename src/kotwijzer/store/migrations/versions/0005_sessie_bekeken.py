"""Welke dossiers een inlogsessie al heeft bekeken: een blik op een dossier komt één keer per gebruiker per dossier per
sessie in het logboek. Dat hing af van de begintijd van de sessie, op de seconde afgerond, zodat een blik vlak voor
een nieuwe inlog in dezelfde seconde als een blik in de nieuwe sessie telde. Nu hoort de blik bij de sessie zelf.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessie_bekeken",
        sa.Column("sessie_id", sa.Integer(), sa.ForeignKey("sessie.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("dossier_id", sa.Integer(), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("sessie_bekeken")
