"""Members' duty records (履职档案): attendance at each consultation, each member's record
for a year, the export for the secretariat, and the sectors (界别)."""
