from . import crm_lead_stage_analysis
