/**
 * Rocket.Chat setting ids the stand-in reads, with Rocket.Chat's defaults (CONTRACT.md §7 and §2.3, from
 * apps/meteor/server/settings/omnichannel.ts and general.ts). A fixture's `settings` override these; ids not
 * listed here are kept and ignored.
 */
export const SETTING_DEFAULTS = {
  Livechat_enabled: true,
  Livechat_registration_form: true,
  Livechat_allow_switching_departments: true,
  Livechat_name_field_registration_form: true,
  Livechat_email_field_registration_form: true,
  Livechat_display_offline_form: true,
  Livechat_registration_form_message: '',
  Livechat_force_accept_data_processing_consent: false,
  Livechat_data_processing_consent_text: '',
  Livechat_Allow_collect_and_store_HTTP_header_informations: false,
  Livechat_accept_chats_with_no_agents: false,
  Livechat_assign_new_conversation_to_bot: false,
  Livechat_enabled_when_agent_idle: true,
  Livechat_show_agent_info: true,
  Livechat_guest_count: 1,
  Livechat_fileupload_enabled: true,
  FileUpload_Enabled: true,
  Language: '',
  Livechat_enable_transcript: false,
  Livechat_history_monitor_type: 'url',
  Livechat_clear_local_storage_when_chat_ended: false,
  Livechat_enable_message_character_limit: false,
  Livechat_message_character_limit: 0,
  Livechat_hide_watermark: false,
  Omnichannel_allow_visitors_to_close_conversation: true,
  Omnichannel_call_provider: 'none',
  Livechat_title: 'Rocket.Chat',
  Livechat_title_color: '#C1272D',
  Livechat_offline_title: 'Leave a message',
  Livechat_offline_title_color: '#666666',
  Livechat_widget_position: 'right',
  Livechat_background: '',
  Livechat_hide_expand_chat: false,
  Livechat_offline_message: '',
  Livechat_offline_success_message: '',
  Livechat_offline_form_unavailable: '',
  /** Where offline messages are mailed (CONTRACT.md §14); empty by default, so every one fails until it is set. */
  Livechat_offline_email: '',
  /** §14: MX lookup of the visitor's email domain before an offline message is sent. */
  Livechat_validate_offline_email: true,
  Livechat_conversation_finished_message: '',
  Livechat_conversation_finished_text: '',
  Livechat_transcript_message: '',
  API_Enable_CORS: false,
  API_CORS_Origin: '*',
  API_Enable_Rate_Limiter: true,
  API_Enable_Rate_Limiter_Dev: true,
  API_Enable_Rate_Limiter_Limit_Calls_Default: 10,
  API_Enable_Rate_Limiter_Limit_Time_Default: 60_000,
  /**
   * Stand-in only (not a Rocket.Chat setting): which released line to imitate where 7.x and 8.x differ —
   * invalid email (§1.3), invalid department (§1.4), HTTP header capture (§1.3) and config's unknown query
   * parameter answer (§2.1). "8" (default) or "7".
   */
  StandIn_Compat_Version: '8',
} satisfies Record<string, string | number | boolean>;

export type KnownSettings = {
  -readonly [K in keyof typeof SETTING_DEFAULTS]: (typeof SETTING_DEFAULTS)[K] extends string
    ? string
    : (typeof SETTING_DEFAULTS)[K] extends number
      ? number
      : boolean;
};

export type Settings = KnownSettings & Record<string, unknown>;

export function withDefaults(overrides: Record<string, unknown>): Settings {
  return { ...SETTING_DEFAULTS, ...overrides } as Settings;
}
