Duty records count check-ins and late arrivals; the demo year's attendance comes with check-ins. [meeting]
