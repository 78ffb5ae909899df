/** GET livechat/config (CONTRACT.md §2): settings, theme, messages, departments, customFields, online, guest/room/agent. */
import type { Hono } from 'hono';
import { type ObjectSchema, validateParams } from '../ajv-params.ts';
import { STAND_IN_AGENT, serviceOnline } from '../availability.ts';
import { LegacyParamsError, TypedQueryError } from '../errors.ts';
import type { Fixture } from '../fixture.ts';
import { type AppContext, type AppEnv, queryParams } from '../http.ts';
import type { StandinState } from '../state.ts';
import type { Room, Visitor } from '../store.ts';
import { endpoint } from './endpoint.ts';

// rest-typings GETLivechatConfigParamsSchema: three optional strings, additionalProperties false.
const CONFIG_QUERY: ObjectSchema = {
  type: 'object',
  properties: { token: { type: 'string' }, department: { type: 'string' }, businessUnit: { type: 'string' } },
  required: [],
  additionalProperties: false,
};

function pick<T extends object>(source: T, keys: (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

/** `lib/livechat.ts#settings()`: the public widget settings built from Rocket.Chat setting ids. */
function widgetSettings(fixture: Fixture, rootUrl: string) {
  const s = fixture.settings;
  return {
    enabled: true,
    settings: {
      registrationForm: s.Livechat_registration_form,
      allowSwitchingDepartments: s.Livechat_allow_switching_departments,
      nameFieldRegistrationForm: s.Livechat_name_field_registration_form,
      emailFieldRegistrationForm: s.Livechat_email_field_registration_form,
      displayOfflineForm: s.Livechat_display_offline_form,
      videoCall: s.Omnichannel_call_provider === 'default-provider',
      fileUpload: s.Livechat_fileupload_enabled && s.FileUpload_Enabled,
      language: s.Language,
      transcript: s.Livechat_enable_transcript,
      historyMonitorType: s.Livechat_history_monitor_type,
      forceAcceptDataProcessingConsent: s.Livechat_force_accept_data_processing_consent,
      showConnecting: false,
      agentHiddenInfo: !s.Livechat_show_agent_info,
      clearLocalStorageWhenChatEnded: s.Livechat_clear_local_storage_when_chat_ended,
      limitTextLength:
        s.Livechat_enable_message_character_limit && (s.Livechat_message_character_limit || false),
      hiddenSystemMessages: [],
      hideWatermark: s.Livechat_hide_watermark,
      visitorsCanCloseChat: s.Omnichannel_allow_visitors_to_close_conversation,
    },
    theme: {
      title: s.Livechat_title,
      color: s.Livechat_title_color,
      offlineTitle: s.Livechat_offline_title,
      offlineColor: s.Livechat_offline_title_color,
      position: s.Livechat_widget_position,
      background: s.Livechat_background,
      hideExpandChat: s.Livechat_hide_expand_chat,
      actionLinks: {
        jitsi: [
          { icon: 'icon-videocam', i18nLabel: 'Accept' },
          { icon: 'icon-cancel', i18nLabel: 'Decline' },
        ],
      },
    },
    messages: {
      offlineMessage: s.Livechat_offline_message,
      offlineSuccessMessage: s.Livechat_offline_success_message,
      offlineUnavailableMessage: s.Livechat_offline_form_unavailable,
      conversationFinishedMessage: s.Livechat_conversation_finished_message,
      conversationFinishedText: s.Livechat_conversation_finished_text,
      transcriptMessage: s.Livechat_transcript_message,
      registrationFormMessage: s.Livechat_registration_form_message,
      dataProcessingConsentText: s.Livechat_data_processing_consent_text,
    },
    survey: {
      items: ['satisfaction', 'agentKnowledge', 'agentResposiveness', 'agentFriendliness'],
      values: ['1', '2', '3', '4', '5'],
    },
    triggers: [],
    // §2.3 findEnabledWithAgents: enabled AND numAgents > 0; `enabled` itself is not returned.
    departments: fixture.departments
      .filter((department) => department.enabled && department.numAgents > 0)
      .map((department) =>
        pick(department, [
          '_id',
          'name',
          'showOnRegistration',
          'showOnOfflineForm',
          'departmentsAllowedToForward',
        ]),
      ),
    resources: { sound: `${rootUrl}sounds/chime.mp3`, emojis: [] },
  };
}

/** EE `getLivechatCustomFields`: visible, visitor-scope, public fields; scope/visibility/public not returned. */
function configCustomFields(fixture: Fixture) {
  return fixture.customFields
    .filter((field) => field.visibility === 'visible' && field.scope === 'visitor' && field.public === true)
    .map(({ _id, label, regexp, required = false, type, defaultValue = null, options }) => ({
      _id,
      label,
      regexp,
      required,
      type,
      defaultValue,
      ...(options && { options: options.split(',') }),
    }));
}

function validateQuery(c: AppContext, fixture: Fixture): { token?: string; department?: string } {
  const result = validateParams(queryParams(c.req.url), CONFIG_QUERY);
  if (result.ok) return result.value as { token?: string; department?: string };
  // §2.1: 8.x is a typed route (errorType error-invalid-params), 7.x a legacy route with validateParams.
  if (fixture.settings.StandIn_Compat_Version === '7') throw new LegacyParamsError(result.message);
  throw new TypedQueryError(result.message);
}

export function mountConfigRoute(app: Hono<AppEnv>, state: StandinState): void {
  app.get(
    '/api/v1/livechat/config',
    endpoint(state, 'livechat/config', (c) => {
      const { fixture, store } = state;
      const { token, department } = validateQuery(c, fixture);
      if (!fixture.settings.Livechat_enabled) return { config: { enabled: false } };

      const rootUrl = String(fixture.settings.Site_Url ?? `${new URL(c.req.url).origin}/`);
      const visitor = token ? store.visitorByToken(token) : undefined;
      const room = visitor && token ? store.openRoomsOfToken(token)[0] : undefined;
      const agent =
        room?.servedBy &&
        (fixture.settings.Livechat_show_agent_info
          ? { ...STAND_IN_AGENT, status: 'online' }
          : { hiddenInfo: true });
      return {
        config: {
          ...widgetSettings(fixture, rootUrl.endsWith('/') ? rootUrl : `${rootUrl}/`),
          online: serviceOnline(fixture, department || undefined),
          customFields: configCustomFields(fixture),
          ...(visitor && {
            guest: pick<Visitor>(visitor, [
              '_id',
              'name',
              'username',
              'token',
              'visitorEmails',
              'department',
            ]),
          }),
          ...(room && { room: pick<Room>(room, ['_id', 'departmentId', 'servedBy', 'open']) }),
          ...(agent && { agent }),
        },
      };
    }),
  );
}
