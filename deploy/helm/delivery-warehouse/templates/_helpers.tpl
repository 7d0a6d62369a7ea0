{{- define "dw.env" -}}
- name: SERVICE_NAME
  value: {{ .name | quote }}
- name: HTTP_PORT
  value: "3000"
- name: DATABASE_URL
  valueFrom: { secretKeyRef: { name: {{ .root.Values.postgres.secretName }}, key: {{ printf "%s-database-url" .name }} } }
- name: KAFKA_BROKERS
  value: {{ .root.Values.kafka.brokers | quote }}
- name: KAFKA_TOPIC_PREFIX
  value: {{ .root.Values.kafka.topicPrefix | quote }}
- name: KAFKA_REPLICATION_FACTOR
  value: {{ .root.Values.kafka.replicationFactor | quote }}
- name: AUTH_ISSUER
  value: {{ .root.Values.auth.issuer | quote }}
- name: AUTH_JWKS
  value: /etc/dw/auth/jwks.json
- name: INTEGRATION_CLIENTS
  value: /etc/dw/integration/clients.json
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ .root.Values.otel.endpoint | quote }}
{{- end -}}

{{- define "dw.volumes" -}}
- name: auth
  configMap: { name: {{ .Values.auth.jwksConfigMap }} }
- name: integration
  secret: { secretName: {{ .Values.integrationClientsSecret }} }
{{- end -}}

{{- define "dw.volumeMounts" -}}
- { name: auth, mountPath: /etc/dw/auth, readOnly: true }
- { name: integration, mountPath: /etc/dw/integration, readOnly: true }
{{- end -}}
