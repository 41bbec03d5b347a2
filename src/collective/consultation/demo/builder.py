def build_demo_year(context):
    pass
