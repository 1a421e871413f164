import { describe, expect, it } from "vitest";
import { redact } from "./redact";

/**
 * Secrets in the shapes tools print them, written from each tool's documented output format after the rules
 * were built (none of them was tuned on): no 8-character piece of a secret may survive, and the evidence
 * beside it must.
 */
const CASES: Array<{ shape: string; text: string; secrets: string[]; kept: string[] }> = [
  {
    shape: "AWS Secrets Manager get-secret-value, SecretString JSON-escaped",
    text: '{"ARN":"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf","SecretString":"{\\"username\\":\\"admin\\",\\"password\\":\\"Zq8#pLm2$vX9wRt4\\",\\"host\\":\\"db.internal\\"}"}',
    secrets: ["Zq8#pLm2$vX9wRt4"],
    // SecretString is the secret itself, masked whole; the ARN's `:secret:` field is no label.
    kept: ['{"ARN":"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf","SecretString":"'],
  },
  {
    shape: "Kubernetes Secret manifest, base64 data",
    text: "apiVersion: v1\nkind: Secret\ndata:\n  DB_PASSWORD: WnE4cExtMnZYOXdSdDRrSmhH\n  api-token: c2tfbGl2ZV81MUhxWnQ4OVBvS2pKaGc=\n",
    secrets: ["WnE4cExtMnZYOXdSdDRrSmhH", "c2tfbGl2ZV81MUhxWnQ4OVBvS2pKaGc"],
    kept: ["kind: Secret", "DB_PASSWORD:", "api-token:"],
  },
  {
    shape: ".npmrc auth token",
    text: "//registry.npmjs.org/:_authToken=npm_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c\n",
    secrets: ["npm_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c"],
    kept: ["//registry.npmjs.org/:_authToken="],
  },
  {
    shape: "pip --index-url with a token in the userinfo",
    text: "pip install --index-url https://__token__:pypi-AgEIcHlwaS5vcmcCJGQ1ZjM@pypi.example.com/simple foo",
    secrets: ["pypi-AgEIcHlwaS5vcmcCJGQ1ZjM"],
    kept: ["@pypi.example.com/simple foo"],
  },
  {
    shape: ".git-credentials line",
    text: "https://oauth2:glpat-Xy7zAb3cDe9fGh1jKl5m@gitlab.com\n",
    secrets: ["glpat-Xy7zAb3cDe9fGh1jKl5m"],
    kept: ["@gitlab.com"],
  },
  {
    shape: "Azure Storage connection string",
    text: "DefaultEndpointsProtocol=https;AccountName=prodstore;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=;EndpointSuffix=core.windows.net",
    secrets: ["Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A"],
    kept: ["AccountName=prodstore", "EndpointSuffix=core.windows.net"],
  },
  {
    shape: "Google service-account JSON, the private key JSON-escaped",
    text: '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n", "project_id": "billing-prod"}',
    secrets: ["MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"],
    kept: ['"type": "service_account"', '"project_id": "billing-prod"'],
  },
  {
    shape: "Discord webhook URL in an error",
    text: "POST https://discord.com/api/webhooks/1234567890123456789/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdEfGhIjKlMnOpQrSt failed: 429",
    secrets: ["AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"],
    kept: ["failed: 429"],
  },
  {
    shape: "Twilio auth token in an env dump",
    text: "TWILIO_AUTH_TOKEN=7c1e9f3a5b2d4e6f8a0b1c2d3e4f5a6b\nTWILIO_REGION=us1",
    secrets: ["7c1e9f3a5b2d4e6f8a0b1c2d3e4f5a6b"],
    kept: ["TWILIO_REGION=us1"],
  },
  {
    shape: "a GitLab token in a curl header, as a CI log prints the command",
    text: 'Run curl -H "PRIVATE-TOKEN: glpat-Qw3rTy7uIo9pAs1dFg5h" https://gitlab.example.com/api/v4/projects',
    secrets: ["glpat-Qw3rTy7uIo9pAs1dFg5h"],
    kept: ["https://gitlab.example.com/api/v4/projects"],
  },
  {
    shape: "the Anthropic SDK's headers as a Python dict repr",
    text: "headers={'x-api-key': 'sk-ant-api03-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXc-Vb9Nm8AA', 'anthropic-version': '2023-06-01'}",
    secrets: ["Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    kept: ["'anthropic-version': '2023-06-01'"],
  },
  {
    shape: "Terraform state attributes",
    text: '"attributes": {\n  "password": "tf-Gen3rated!Pa55w0rd",\n  "username": "admin"\n}',
    secrets: ["tf-Gen3rated!Pa55w0rd"],
    kept: ['"username": "admin"'],
  },
  {
    shape: "a Redis URL with only a password, in a connection error",
    text: "Error: connect ECONNREFUSED redis://:s3cr3tRedisPa55@10.0.0.5:6379",
    secrets: ["s3cr3tRedisPa55"],
    kept: ["Error: connect ECONNREFUSED redis://:"],
  },
  {
    shape: "a JDBC URL with a %-encoded password parameter",
    text: "jdbc:mysql://db.internal:3306/app?user=app&password=My%23Sql%21Pw9&useSSL=true",
    secrets: ["My%23Sql%21Pw9", "My#Sql!Pw9"],
    kept: ["jdbc:mysql://db.internal:3306/app?user=app&password=", "&useSSL=true"],
  },
  {
    shape: "an OpenAI key quoted back in a 401 through a gateway",
    text: "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12. You can find your API key at https://platform.openai.com/account/api-keys.'}}",
    secrets: ["Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56"],
    kept: ["Error code: 401", "https://platform.openai.com/account/api-keys"],
  },
  {
    shape: "AWS credentials inline before a Bedrock call",
    text: "AWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY aws bedrock-runtime invoke-model",
    secrets: ["AKIAQWERTYUIOPASDFGH", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
    kept: ["aws bedrock-runtime invoke-model"],
  },
  {
    shape: "a LiteLLM proxy config",
    text: "model_list:\n  - model_name: claude\n    litellm_params:\n      model: anthropic/claude-sonnet-4-5\n      api_key: sk-ant-api03-AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHHIIIIJJJJ-KKKK\nmaster_key: sk-1234abcd5678efgh",
    secrets: ["AAAABBBBCCCCDDDDEEEEFFFF", "sk-1234abcd5678efgh"],
    kept: ["model: anthropic/claude-sonnet-4-5"],
  },
  {
    shape: "an OpenRouter key in a curl command",
    text: 'curl https://openrouter.ai/api/v1/chat/completions -H "Authorization: Bearer sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"',
    secrets: ["0123456789abcdef0123456789abcdef"],
    kept: ["https://openrouter.ai/api/v1/chat/completions", "Authorization: Bearer "],
  },
  {
    shape: "a Google OAuth access token (Vertex AI) in a header",
    text: "Authorization: Bearer ya29.a0AfB_byC1234567890abcdefghijklmnopqrstuvwxyzABCDEFG",
    secrets: ["ya29.a0AfB_byC1234567890abcdefghijklmnop"],
    kept: ["Authorization: Bearer "],
  },
  {
    shape: "docker run -e with a password",
    text: "docker run -e POSTGRES_PASSWORD=Pg-Sup3r-S3cret! -d postgres:16",
    secrets: ["Pg-Sup3r-S3cret!"],
    kept: ["-d postgres:16"],
  },
  {
    shape: "a MongoDB URI with a %-encoded password in a driver error",
    text: "MongoServerError: bad auth : Authentication failed. uri=mongodb+srv://app:p%40ss%2Fw0rd!@cluster0.abcde.mongodb.net/prod",
    secrets: ["p%40ss%2Fw0rd!", "p@ss/w0rd!"],
    kept: ["@cluster0.abcde.mongodb.net/prod"],
  },
  {
    shape: "a Python requests cookie jar as printed",
    text: "<RequestsCookieJar[<Cookie sessionid=9f8e7d6c5b4a39281706f5e4d3c2b1a0 for .example.com/>]>",
    secrets: ["9f8e7d6c5b4a39281706f5e4d3c2b1a0"],
    kept: ["<Cookie sessionid=", " for .example.com/>]>"],
  },
  {
    shape: "Claude Code settings.json env block",
    text: '{"env": {"ANTHROPIC_AUTH_TOKEN": "sk-ant-oat01-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz", "ANTHROPIC_BASE_URL": "https://proxy.internal"}}',
    secrets: ["Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    kept: ['"ANTHROPIC_BASE_URL": "https://proxy.internal"'],
  },
  {
    shape: "an OpenSSH private key",
    text: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBa7Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8AAAAJgAAAAA\n-----END OPENSSH PRIVATE KEY-----",
    secrets: [
      "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ",
      "QyNTUxOQAAACBa7Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
    ],
    kept: [],
  },
];

/**
 * The Claude paths in particular (SDK debug logs, Claude Code, Bedrock and Vertex, gateways), config formats,
 * and evidence that must survive beside them: [shape, text, secrets, kept].
 */
const MORE: Array<[string, string, string[], string[]]> = [
  [
    "anthropic sdk debug log headers (python httpx)",
    `DEBUG:httpx:HTTP Request: POST https://api.anthropic.com/v1/messages "HTTP/1.1 529 "\nDEBUG:anthropic._base_client:Request options: {'method': 'post', 'url': '/v1/messages', 'headers': {'X-Api-Key': 'sk-ant-api03-Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXc-AbCdEfAA'}, 'json_data': {'model': 'claude-sonnet-4-5'}}`,
    ["Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    ["claude-sonnet-4-5", "HTTP/1.1 529", "https://api.anthropic.com/v1/messages"],
  ],
  [
    "ts sdk ANTHROPIC_LOG=debug",
    `[log_7f3a21] sending request {\n  method: 'post',\n  url: 'https://api.anthropic.com/v1/messages',\n  headers: {\n    'x-api-key': 'sk-ant-api03-Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0PpOoNnMmLlKkJjIiHhGgFfEeDdCcBbAa-Zz9Yy8AA',\n    'anthropic-version': '2023-06-01'\n  }\n}`,
    ["Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp"],
    ["'anthropic-version': '2023-06-01'", "log_7f3a21"],
  ],
  [
    "claude code /status with apiKeyHelper",
    `Auth token: ANTHROPIC_AUTH_TOKEN\nAPI key: sk-ant-api03-Mn8Bv7Cx6Za5Sd4Fg3Hj2Kl1Qw0ErTyUiOpAsDfGhJkLzXcVbNm-Mn8Bv7AA\nModel: claude-opus-4-1`,
    ["Mn8Bv7Cx6Za5Sd4Fg3Hj2Kl1Qw0ErTy"],
    ["Model: claude-opus-4-1"],
  ],
  [
    "bedrock boto debug",
    `2025-10-01 12:00:00,123 botocore.endpoint [DEBUG] Making request for OperationModel(name=InvokeModel) with params: {'url_path': '/model/anthropic.claude-3-5-sonnet-20241022-v2%3A0/invoke', 'headers': {'X-Amz-Security-Token': 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDx1example2Tokenabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH', 'Authorization': 'AWS4-HMAC-SHA256 Credential=ASIAQWERTYUIOPASDFGH/20251001/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=4f1c9a7e2b6d8c0f3a5e7b9d1c3f5a7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a'}}`,
    ["IQoJb3JpZ2luX2VjEJr", "ASIAQWERTYUIOPASDFGH", "4f1c9a7e2b6d8c0f3a5e7b9d1c3f5a7e"],
    ["anthropic.claude-3-5-sonnet-20241022-v2", "SignedHeaders=host;x-amz-date"],
  ],
  [
    "vertex gcloud token print",
    `$ gcloud auth print-access-token\nya29.c.b0Aaekm1KqZx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz\n$ curl -H "Authorization: Bearer $TOKEN" https://us-east5-aiplatform.googleapis.com/v1/projects/my-proj/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5:streamRawPredict`,
    ["KqZx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    ["publishers/anthropic/models/claude-sonnet-4-5:streamRawPredict", "Bearer $TOKEN"],
  ],
  [
    "openrouter json error with key hint",
    `{"error":{"message":"No auth credentials found","code":401}, "user_id": "user_2abcDEF345ghiJKL"} key=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`,
    ["9a8b7c6d5e4f3a2b1c0d9e8f"],
    ["No auth credentials found", "user_2abcDEF345ghiJKL"],
  ],
  [
    "litellm proxy log with master key header",
    `litellm.proxy.proxy_server.py:1234 - Request headers: {'authorization': 'Bearer sk-litellm-Qa1Ws2Ed3Rf4Tg5Yh6Uj7Ik8', 'content-type': 'application/json'}`,
    ["Qa1Ws2Ed3Rf4Tg5Yh6Uj7Ik8"],
    ["'content-type': 'application/json'"],
  ],
  [
    "env in docker inspect json",
    `"Env": [\n  "ANTHROPIC_API_KEY=sk-ant-api03-Pl0Ok9Ij8Uh7Yg6Tf5Rd4Es3Wa2Qz1XsCdVfBgNhMjKiLoPl0Ok9Ij8Uh7Yg6Tf5Rd-Es3WaAA",\n  "PATH=/usr/local/bin:/usr/bin"\n]`,
    ["Pl0Ok9Ij8Uh7Yg6Tf5Rd4Es3Wa2Qz1Xs"],
    ["PATH=/usr/local/bin:/usr/bin"],
  ],
  [
    "github actions env dump partially masked",
    `env:\n  ANTHROPIC_API_KEY: ***\n  DEPLOY_TOKEN: dpl_Xc4Vb5Nm6Qw7Er8Ty9Ui0Op1As2Df3Gh4Jk5`,
    ["Xc4Vb5Nm6Qw7Er8Ty9Ui0Op1As2Df3Gh4Jk5"],
    ["ANTHROPIC_API_KEY: ***"],
  ],
  [
    "basic auth header",
    `> GET /v1/models HTTP/1.1\n> Authorization: Basic YWRtaW46U3VwM3JTM2NyM3RQYXNzd29yZCE=\n< HTTP/1.1 401 Unauthorized`,
    ["YWRtaW46U3VwM3JTM2NyM3RQYXNzd29yZCE", "Sup3rS3cr3tPassword"],
    ["HTTP/1.1 401 Unauthorized", "Authorization: Basic "],
  ],
  [
    "proxy-authorization in curl -v",
    `> CONNECT api.anthropic.com:443 HTTP/1.1\n> Proxy-Authorization: Basic cHJveHl1c2VyOnByMHh5UGFzc3cwcmQ=\n< HTTP/1.1 407 Proxy Authentication Required`,
    ["cHJveHl1c2VyOnByMHh5UGFzc3cwcmQ", "pr0xyPassw0rd"],
    ["407 Proxy Authentication Required"],
  ],
  [
    "HTTPS_PROXY with creds",
    `export HTTPS_PROXY=http://corp%5Cjdoe:W1nter%2125@proxy.corp.example:8080`,
    ["W1nter%2125", "W1nter!25"],
    ["@proxy.corp.example:8080"],
  ],
  [
    "python dict with bytes key",
    `{b'authorization': b'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'}`,
    ["dozjgNryP4J3jVmNHl0w5N_XgL0n3I9P", "eyJzdWIiOiIxMjM0NTY3ODkwIn0"],
    [],
  ],
  [
    "yaml with multiline secret block",
    `apiKey: |\n  sk-ant-api03-Hh7Gg6Ff5Ee4Dd3Cc2Bb1Aa0Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp-Hh7Gg6AA\nmodel: claude-haiku-4-5`,
    ["Hh7Gg6Ff5Ee4Dd3Cc2Bb1Aa0Zz9Yy8Xx"],
    ["model: claude-haiku-4-5"],
  ],
  [
    "toml config",
    `[anthropic]\napi_key = "sk-ant-api03-Kk1Jj2Hh3Gg4Ff5Dd6Ss7Aa8Qq9Ww0EeRrTtYyUuIiOoPpLlKkJjHhGgFfDdSs-Kk1Jj2AA"\nmax_tokens = 1024`,
    ["Kk1Jj2Hh3Gg4Ff5Dd6Ss7Aa8Qq9Ww0Ee"],
    ["max_tokens = 1024"],
  ],
  [
    "ini with password no spaces",
    `[database]\nhost=db.prod.internal\npassword=Tr0ub4dor&3\nport=5432`,
    ["Tr0ub4dor&3"],
    ["host=db.prod.internal", "port=5432"],
  ],
  [
    "java properties",
    `spring.datasource.password=Sp1ng!Boot#Pw\nspring.datasource.url=jdbc:postgresql://db:5432/app`,
    ["Sp1ng!Boot#Pw"],
    ["spring.datasource.url=jdbc:postgresql://db:5432/app"],
  ],
  [
    "dotnet connection string",
    `Server=tcp:prod.database.windows.net,1433;Initial Catalog=app;User ID=appuser;Password=Az!ure$ql9Pw;Encrypt=True;`,
    ["Az!ure$ql9Pw"],
    ["Encrypt=True;", "Initial Catalog=app"],
  ],
  [
    "stripe key in error",
    `StripeAuthenticationError: Invalid API Key provided: sk_live_51HqZt89PoKjJhgFdSaQwErTyUiOp`,
    ["51HqZt89PoKjJhgFdSaQwErTyUiOp"],
    ["StripeAuthenticationError: Invalid API Key provided: "],
  ],
  [
    "slack webhook",
    `requests.post("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", json=payload)`,
    ["XXXXXXXXXXXXXXXXXXXXXXXX"],
    ["json=payload"],
  ],
  [
    "hf token in CLI output",
    `$ huggingface-cli login --token hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567\nToken is valid (permission: write).`,
    ["hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567"],
    ["Token is valid (permission: write)."],
  ],
  [
    "password in URL query of a log",
    `GET /login?username=jdoe&password=Hunter2%21xyz&next=%2Fhome 302`,
    ["Hunter2%21xyz", "Hunter2!xyz"],
    ["next=%2Fhome 302", "username=jdoe"],
  ],
  [
    "sendgrid",
    `SENDGRID_API_KEY='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'`,
    ["ngeVfQFYQlKU0ufo8x5d1A", "TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnop"],
    [],
  ],
  [
    "private key pem in env var one line",
    `PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MaGb5nKsk2mNAABB\\n-----END RSA PRIVATE KEY-----"`,
    ["MIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn"],
    [],
  ],
  [
    "cookie header with __Secure",
    `cookie: __Secure-next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abcDEF123ghiJKL.xyzXYZ789uvwUVW456rstRST.qwerty; _ga=GA1.1.123456789.1700000000`,
    ["xyzXYZ789uvwUVW456rstRST", "abcDEF123ghiJKL"],
    ["__Secure-next-auth.session-token="],
  ],
  [
    "request id and model survive",
    `anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}, 'request_id': 'req_011CUeXg8vBPYZKhGrZ3ePPc'}`,
    [],
    ["req_011CUeXg8vBPYZKhGrZ3ePPc", "overloaded_error", "Error code: 529"],
  ],
  [
    "msgbatch and file ids survive",
    `GET /v1/messages/batches/msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d/results 404; file_011CNha8iCJcU1wXNR6q4V8w not found; toolu_01A09q90qw90lq917835lq9`,
    [],
    ["msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d", "file_011CNha8iCJcU1wXNR6q4V8w", "toolu_01A09q90qw90lq917835lq9"],
  ],
  [
    "uuid and sha survive",
    `trace_id=4bf92f3577b34da6a3ce929d0e0e4736 commit 3f2a9c1e07b54d248ace13579bdf0246aabbccdd x-request-id: 9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0`,
    [],
    [
      "4bf92f3577b34da6a3ce929d0e0e4736",
      "3f2a9c1e07b54d248ace13579bdf0246aabbccdd",
      "9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0",
    ],
  ],
];
for (const [shape, text, secrets, kept] of MORE) CASES.push({ shape, text, secrets, kept });

/** One key in the dumps of a dozen languages, shells and config files. */
const K = "sk-ant-api03-Rt5Yu6Io7Pa8Sd9Fg0Hj1Kl2Zx3Cv4Bn5Mq6Wn7Eb8Rv9Tc0Xy1Uz2Ai3Ob4Jc5Kd6-Le7MfAA";
/** A piece of K that must not survive. */
const P = "Rt5Yu6Io7Pa8Sd9Fg0Hj1Kl2Zx3Cv4Bn5";
const DUMPS: Array<[string, string, string[], string[]]> = [
  [
    "python traceback locals",
    `  File "/app/client.py", line 42, in call\n    resp = client.messages.create(model=model, max_tokens=1024)\n    api_key = '${K}'\n    model = 'claude-sonnet-4-5'`,
    [P],
    ["model = 'claude-sonnet-4-5'", 'File "/app/client.py", line 42'],
  ],
  [
    "rust debug",
    `Error: Config { api_key: ApiKey("${K}"), model: "claude-opus-4-1", timeout: 30s }`,
    [P],
    ['model: "claude-opus-4-1"', "timeout: 30s"],
  ],
  [
    "go %+v",
    `config: {APIKey:${K} Model:claude-haiku-4-5 MaxRetries:2}`,
    [P],
    ["Model:claude-haiku-4-5", "MaxRetries:2"],
  ],
  [
    "java toString",
    `ClientConfig{apiKey='${K}', baseUrl='https://api.anthropic.com', model='claude-sonnet-4-5'}`,
    [P],
    ["baseUrl='https://api.anthropic.com'", "model='claude-sonnet-4-5'"],
  ],
  [
    "ruby inspect",
    `#<Anthropic::Client:0x000055d5 @api_key="${K}", @base_url="https://api.anthropic.com", @max_retries=2>`,
    [P],
    ['@base_url="https://api.anthropic.com"', "@max_retries=2"],
  ],
  [
    "elixir map",
    `%{api_key: "${K}", model: "claude-sonnet-4-5", stream: true}`,
    [P],
    ['model: "claude-sonnet-4-5"', "stream: true"],
  ],
  [
    "php print_r",
    `Array\n(\n    [api_key] => ${K}\n    [model] => claude-sonnet-4-5\n)`,
    [P],
    ["[model] => claude-sonnet-4-5"],
  ],
  [
    "git clone with token",
    `$ git clone https://x-access-token:ghs_16C7e42F292c6912E7710c838347Ae178B4a@github.com/org/repo.git\nCloning into 'repo'...`,
    ["ghs_16C7e42F292c6912E7710c838347Ae178B4a"],
    ["@github.com/org/repo.git", "Cloning into 'repo'..."],
  ],
  [
    "curl -u user:pass",
    `$ curl -u admin:S3cr3t!Pass https://api.internal/health\n{"status":"ok"}`,
    ["S3cr3t!Pass"],
    ['{"status":"ok"}', "https://api.internal/health"],
  ],
  [
    "psql conn string quoted",
    `$ psql "postgresql://app:P@ss:w0rd/x@db.internal:5432/app?sslmode=require"\npsql: error: connection to server failed`,
    ["P@ss:w0rd/x", "ss:w0rd"],
    ["@db.internal:5432/app?sslmode=require", "psql: error: connection to server failed"],
  ],
  [
    "export with double quotes and spaces",
    `export ANTHROPIC_API_KEY="${K}" && claude -p "hello"`,
    [P],
    ['claude -p "hello"'],
  ],
  [
    "set -x trace",
    `+ curl -sS https://api.anthropic.com/v1/messages -H 'x-api-key: ${K}' -H 'anthropic-version: 2023-06-01'`,
    [P],
    ["'anthropic-version: 2023-06-01'"],
  ],
  ["powershell", `PS C:\\> $env:ANTHROPIC_API_KEY = "${K}"\nPS C:\\> claude`, [P], ["PS C:\\> claude"]],
  [
    "windows cmd set",
    `C:\\Users\\dev> set ANTHROPIC_API_KEY=${K}\nC:\\Users\\dev> claude --version`,
    [P],
    ["claude --version"],
  ],
  [
    "json unicode escaped key",
    `{"headers":{"x-api-key":"\\u0073\\u006b-ant-api03-${K.slice(13)}"}}`,
    [P],
    [],
  ],
  [
    "kubectl logs wrapped json at 80",
    (() => {
      const line = `{"level":"error","msg":"auth failed","api_key":"${K}","request_id":"req_011CUeXg8vBPYZKhGrZ3ePPc"}`;
      return line.match(/.{1,80}/g)!.join("\n");
    })(),
    [P],
    [],
  ],
  [
    "apikey in URL query",
    `GET https://api.example.com/v1/data?apikey=Qw8Er7Ty6Ui5Op4As3Df2Gh1&format=json 401`,
    ["Qw8Er7Ty6Ui5Op4As3Df2Gh1"],
    ["format=json 401"],
  ],
  [
    "x-goog-api-key",
    `x-goog-api-key: AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q`,
    ["AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"],
    ["x-goog-api-key: "],
  ],
  [
    "mistral/cohere generic bearer",
    `Authorization: Bearer 7Hq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0Gf2S`,
    ["7Hq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0Gf2S"],
    ["Authorization: Bearer "],
  ],
  [
    "password with spaces quoted yaml",
    `db:\n  user: app\n  password: "correct horse battery staple"\n  host: db.internal`,
    ["correct horse battery staple", "horse battery"],
    ["host: db.internal", "user: app"],
  ],
  [
    "aws credentials file",
    `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nregion = us-west-2`,
    ["AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
    ["region = us-west-2"],
  ],
  [
    "netrc",
    `machine api.heroku.com\n  login me@example.com\n  password 01234567-89ab-cdef-0123-456789abcdef`,
    ["01234567-89ab-cdef-0123-456789abcdef"],
    ["machine api.heroku.com"],
  ],
  [
    "docker config auth",
    `{"auths":{"ghcr.io":{"auth":"dXNlcjpnaHBfQWJDZEVmR2hJaktsTW5PcFFyU3RVdld4WXoxMjM0NTY="}}}`,
    ["dXNlcjpnaHBfQWJDZEVmR2hJaktsTW5PcFFyU3RVdld4WXoxMjM0NTY", "ghp_AbCdEfGhIjKlMnOpQrStUvWxYz123456"],
    ['"ghcr.io"'],
  ],
  [
    "ssh-agent style private key path only",
    `Identity added: /home/dev/.ssh/id_ed25519 (dev@laptop)`,
    [],
    ["/home/dev/.ssh/id_ed25519", "Identity added:"],
  ],
  [
    "claude code hook json",
    `{"session_id":"3f2a9c1e-07b5-4d24-8ace-13579bdf0246","transcript_path":"/Users/me/.claude/projects/x/3f2a9c1e.jsonl","hook_event_name":"PostToolUse","tool_name":"Bash","tool_input":{"command":"export OPENAI_API_KEY=sk-proj-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXc"}}`,
    ["Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    [
      '"session_id":"3f2a9c1e-07b5-4d24-8ace-13579bdf0246"',
      '"hook_event_name":"PostToolUse"',
      '"tool_name":"Bash"',
    ],
  ],
  [
    "secret in error message sentence",
    `Error: invalid x-api-key (got "${K}"), check your ANTHROPIC_API_KEY`,
    [P],
    ["check your ANTHROPIC_API_KEY"],
  ],
  [
    "masked keys hints survive",
    `API key sk-ant-api03-R2D...igAA is invalid; key hint sk_live_****1234`,
    [],
    ["sk-ant-api03-R2D...igAA", "sk_live_****1234"],
  ],
];
for (const [shape, text, secrets, kept] of DUMPS) CASES.push({ shape, text, secrets, kept });

// Go's test output: test names are CamelCase words joined by `_`, identifiers (evidence), not tokens; a random
// token with `_` in it is still one.
CASES.push(
  {
    shape: "go test output",
    text: "=== RUN   TestAnthropicConformance_Integration\n--- FAIL: TestAnthropicConformance_Integration/.../model_claude-fable-5 (0.31s)\n--- PASS: TestStreaming_RetryAfter529_Backoff (1.20s)",
    secrets: [],
    kept: [
      "--- FAIL: TestAnthropicConformance_Integration/.../model_claude-fable-5 (0.31s)",
      "--- PASS: TestStreaming_RetryAfter529_Backoff (1.20s)",
    ],
  },
  {
    shape: "a random token with underscores after a plain word",
    text: "retrying with token q8ZpK2vLm9X_aR4tYw7Nc3Hb6Jd1Fs5Gk0 and x 4fQz_9KpLm2XvR8tWb7Nc3Hy6Jd1Gs5Ak0Ue",
    secrets: ["q8ZpK2vLm9X_aR4tYw7Nc3Hb6Jd1Fs5Gk0", "4fQz_9KpLm2XvR8tWb7Nc3Hy6Jd1Gs5Ak0Ue"],
    kept: ["retrying with token "],
  },
);

// `;`-separated connection strings: a value ends at the `;` a pair follows, not at one inside it.
CASES.push(
  {
    shape: "ADO.NET connection string, a ; inside the password",
    text: "Server=tcp:db,1433;User ID=app;Password=ab;cd9Xq!zz;Encrypt=True;",
    secrets: ["ab;cd9Xq!zz", "cd9Xq!zz"],
    kept: ["Server=tcp:db,1433;User ID=app;Password=", ";Encrypt=True;"],
  },
  {
    shape: "a ; inside a password after a ; that is no connection string",
    text: "retry;password=p@ss;w0rd9Zx rest of the line",
    secrets: ["p@ss;w0rd9Zx", "w0rd9Zx"],
    kept: [" rest of the line"],
  },
);

/** Hosting, SaaS and MCP configs (Vercel, Supabase, Firebase, Vault, Heroku, Fly, MCP servers …). */
const SERVICES: Array<[string, string, string[], string[]]> = [
  [
    "vercel env pull",
    `# Created by Vercel CLI\nPOSTGRES_PASSWORD="Vq3rT8mNx2LpZ7"\nPOSTGRES_URL="postgres://default:Vq3rT8mNx2LpZ7@ep-cool-rain-123456.us-east-1.aws.neon.tech:5432/verceldb?sslmode=require"\nVERCEL_ENV="development"`,
    ["Vq3rT8mNx2LpZ7"],
    ['VERCEL_ENV="development"', "@ep-cool-rain-123456.us-east-1.aws.neon.tech:5432/verceldb"],
  ],
  [
    "supabase service role jwt",
    `SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJzZXJ2aWNlX3JvbGUifQ.Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8AbCdE`,
    ["Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz", "eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUi"],
    [],
  ],
  [
    "firebase config object",
    `const firebaseConfig = {\n  apiKey: "AIzaSyDk3Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",\n  authDomain: "myapp.firebaseapp.com",\n  projectId: "myapp-prod",\n};`,
    ["AIzaSyDk3Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    ['authDomain: "myapp.firebaseapp.com"', 'projectId: "myapp-prod"'],
  ],
  [
    "mailchimp key",
    `MAILCHIMP_API_KEY=0123456789abcdef0123456789abcdef-us6`,
    ["0123456789abcdef0123456789abcdef"],
    [],
  ],
  [
    "telegram bot token in url",
    `POST https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage 401 Unauthorized`,
    ["AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"],
    ["https://api.telegram.org/bot123456789:", " 401 Unauthorized"],
  ],
  [
    "okta ssws",
    `Authorization: SSWS 00QCjAl4MlV-WPXM-ABCDEFGHIJKLMNOPQRSTUVWXYZ0`,
    ["00QCjAl4MlV-WPXM-ABCDEFGHIJ"],
    ["Authorization: SSWS "],
  ],
  [
    "databricks token",
    `DATABRICKS_HOST=https://adb-123.azuredatabricks.net DATABRICKS_TOKEN=dapi0123456789abcdef0123456789abcdef`,
    ["dapi0123456789abcdef0123456789abcdef"],
    ["DATABRICKS_HOST=https://adb-123.azuredatabricks.net"],
  ],
  [
    "vault token",
    `$ vault login\nToken (will be hidden):\nSuccess! token: hvs.CAESIJqWx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8AbGh4KHGh2cy5Rdzh`,
    ["hvs.CAESIJqWx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    ["Success! token: "],
  ],
  [
    "linear/notion/doppler",
    `LINEAR_API_KEY=lin_api_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8Ab NOTION_TOKEN=ntn_123456789012Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXc DOPPLER_TOKEN=dp.st.prd.Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8`,
    [
      "lin_api_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz",
      "ntn_123456789012Qw8Er7Ty6Ui5Op4As3Df2",
      "dp.st.prd.Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0",
    ],
    [],
  ],
  [
    "docker hub pat login output",
    `$ echo dckr_pat_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0 | docker login -u acme --password-stdin\nLogin Succeeded`,
    ["dckr_pat_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0"],
    ["Login Succeeded", "docker login -u acme --password-stdin"],
  ],
  [
    "grafana/newrelic",
    `GRAFANA_TOKEN=glsa_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXc_1a2b3c4d\nNEW_RELIC_API_KEY=NRAK-Q8ER7TY6UI5OP4AS3DF2GH1JK0L`,
    ["glsa_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXc", "NRAK-Q8ER7TY6UI5OP4AS3DF2GH1JK0L"],
    [],
  ],
  [
    "twitter bearer",
    `curl -H "Authorization: Bearer AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F" https://api.twitter.com/2/tweets`,
    ["ULvsea4JtiGRiSDSJSI", "EUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F"],
    ["https://api.twitter.com/2/tweets"],
  ],
  [
    "cloudflare token env",
    `CLOUDFLARE_API_TOKEN=Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8Ab wrangler deploy`,
    ["Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8Ab"],
    ["wrangler deploy"],
  ],
  [
    "pinecone key uuid with name",
    `PINECONE_API_KEY=3f2a9c1e-07b5-4d24-8ace-13579bdf0246`,
    ["3f2a9c1e-07b5-4d24-8ace-13579bdf0246"],
    [],
  ],
  [
    "snowflake url",
    `snowflake://etl_user:Sn0wfl@ke!Pw@acme-xy12345/ANALYTICS/PUBLIC?warehouse=COMPUTE_WH`,
    ["Sn0wfl@ke!Pw"],
    ["@acme-xy12345/ANALYTICS/PUBLIC?warehouse=COMPUTE_WH"],
  ],
  [
    "asana/airtable/figma",
    `ASANA_PAT=1/1203456789012345:0a1b2c3d4e5f60718293a4b5c6d7e8f9\nAIRTABLE_TOKEN=patQw8Er7Ty6Ui5O.0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9\nFIGMA_TOKEN=figd_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8Ab`,
    ["0a1b2c3d4e5f60718293a4b5c6d7e8f9", "figd_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0"],
    [],
  ],
  [
    "fly secrets list (digests are evidence)",
    `NAME                    DIGEST                  CREATED AT\nDATABASE_URL            a1b2c3d4e5f6a7b8        2m ago\nANTHROPIC_API_KEY       0f1e2d3c4b5a6978        2m ago`,
    [],
    ["a1b2c3d4e5f6a7b8", "0f1e2d3c4b5a6978", "DATABASE_URL", "ANTHROPIC_API_KEY"],
  ],
  [
    "heroku config",
    `=== acme-api Config Vars\nANTHROPIC_API_KEY: sk-ant-api03-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0-AbCdAA\nDATABASE_URL:      postgres://u8abc:p4ssW0rdXyZ123@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d9x\nWEB_CONCURRENCY:   2`,
    ["Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz", "p4ssW0rdXyZ123"],
    ["WEB_CONCURRENCY:   2", "=== acme-api Config Vars"],
  ],
  [
    "github actions secret in log masked partially",
    `Run anthropics/claude-code-action@v1\n  with:\n    anthropic_api_key: ***\n    github_token: ghs_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9\n    model: claude-sonnet-4-5`,
    ["ghs_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9"],
    ["anthropic_api_key: ***", "model: claude-sonnet-4-5", "anthropics/claude-code-action@v1"],
  ],
  [
    "mcp config json with env",
    `{"mcpServers":{"github":{"command":"npx","args":["-y","@modelcontextprotocol/server-github"],"env":{"GITHUB_PERSONAL_ACCESS_TOKEN":"github_pat_11ABCDEFG0Qw8Er7Ty6Ui5_Op4As3Df2Gh1Jk0LzXcVb9Nm8Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9"}}}}`,
    ["github_pat_11ABCDEFG0Qw8Er7Ty6Ui5"],
    ['"args":["-y","@modelcontextprotocol/server-github"]'],
  ],
  [
    "claude desktop log with token in url",
    `2025-10-01T12:00:00.000Z [error] MCP server "linear" failed: GET https://mcp.linear.app/sse?token=lin_oauth_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8 → 401`,
    ["lin_oauth_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    ['MCP server "linear" failed: GET https://mcp.linear.app/sse?token=', "→ 401"],
  ],
];
for (const [shape, text, secrets, kept] of SERVICES) CASES.push({ shape, text, secrets, kept });

/** Encodings and line shapes around one key: CRLF, ANSI colour, triple escapes, other languages, markup. */
const K2 = "sk-ant-api03-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3Ab4Cd5Ef6Gh7Ij8Kl9Mn0Op1Qr2St3Uv4-Wx5AA";
const P2 = "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0";
const AROUND: Array<[string, string, string[], string[]]> = [
  [
    "CRLF env",
    `ANTHROPIC_API_KEY=${K2}\r\nANTHROPIC_MODEL=claude-sonnet-4-5\r\n`,
    [P2],
    ["ANTHROPIC_MODEL=claude-sonnet-4-5"],
  ],
  [
    "ansi colored env",
    `\x1b[32mANTHROPIC_API_KEY\x1b[0m=\x1b[33m${K2}\x1b[0m\n\x1b[32mMODEL\x1b[0m=claude-opus-4-1`,
    [P2],
    ["claude-opus-4-1"],
  ],
  [
    "triple escaped json",
    `{"body":"{\\"error\\":\\"{\\\\\\"api_key\\\\\\":\\\\\\"${K2}\\\\\\"}\\"}"}`,
    [P2],
    [],
  ],
  [
    "base64 -d output",
    `$ kubectl get secret api -o jsonpath='{.data.token}' | base64 -d\nQw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXc$ `,
    ["Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXc"],
    ["kubectl get secret api"],
  ],
  [
    "password prompt echo",
    `Enter password: hunter2Xyz!\nLogin failed for user admin`,
    ["hunter2Xyz!"],
    ["Login failed for user admin"],
  ],
  [
    "spanish log",
    `Error de autenticación: la clave de API "${K2}" no es válida. Modelo: claude-haiku-4-5`,
    [P2],
    ["Modelo: claude-haiku-4-5", "no es válida"],
  ],
  [
    "japanese log",
    `認証エラー: APIキー ${K2} は無効です。モデル: claude-sonnet-4-5`,
    [P2],
    ["モデル: claude-sonnet-4-5", "認証エラー"],
  ],
  [
    "key in markdown table",
    `| name | value |\n|---|---|\n| ANTHROPIC_API_KEY | ${K2} |\n| region | us-east-1 |`,
    [P2],
    ["| region | us-east-1 |"],
  ],
  [
    "key in html",
    `<input type="hidden" name="api_key" value="${K2}"><span>claude-3-7-sonnet</span>`,
    [P2],
    ["<span>claude-3-7-sonnet</span>"],
  ],
  [
    "yaml list of headers",
    `headers:\n  - name: x-api-key\n    value: ${K2}\n  - name: anthropic-version\n    value: "2023-06-01"`,
    [P2],
    ['value: "2023-06-01"'],
  ],
  [
    "key split across lines with backslash",
    `curl https://api.anthropic.com/v1/messages \\\n  -H "x-api-key: sk-ant-api03-Ab1Cd2Ef3Gh4Ij5Kl6Mn7\\\n Op8Qr9St0Uv1Wx2Yz3Ab4Cd5Ef6Gh7Ij8Kl9Mn0Op1Qr2St3Uv4-Wx5AA"`,
    ["Op8Qr9St0Uv1Wx2Yz3Ab4Cd5", "Ab1Cd2Ef3Gh4Ij5Kl6Mn7"],
    ["https://api.anthropic.com/v1/messages"],
  ],
  [
    "key in python f-string error",
    `ValueError: bad key sk-ant-api03-${"x".repeat(20)}... use ${K2}`,
    [P2],
    ["ValueError: bad key"],
  ],
  [
    "two keys same line",
    `old=${K2} new=sk-ant-api03-Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0PpOoNnMmLlKkJjIiHhGgFfEeDdCcBbAa9-Zz8AA`,
    [P2, "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0"],
    [],
  ],
  [
    "key in error with unicode quotes",
    `Invalid API key “${K2}” provided`,
    [P2],
    ["provided", "Invalid API key"],
  ],
  [
    "url-encoded form body",
    `POST /oauth/token grant_type=refresh_token&refresh_token=sk-ant-ort01-Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8&client_id=9d1c250a-e61b-44d9-88ed-5944d1962f5e`,
    ["Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    ["client_id=9d1c250a-e61b-44d9-88ed-5944d1962f5e", "grant_type=refresh_token"],
  ],
  [
    "xml soap password",
    `<soap:Body><Login><Username>admin</Username><Password>S0ap!Passw0rd</Password></Login></soap:Body>`,
    ["S0ap!Passw0rd"],
    ["<Username>admin</Username>"],
  ],
  [
    "env in systemd unit",
    `[Service]\nEnvironment="ANTHROPIC_API_KEY=${K2}"\nEnvironment="PORT=8080"`,
    [P2],
    ['Environment="PORT=8080"'],
  ],
  [
    "dockerfile ARG/ENV",
    `ARG NPM_TOKEN=npm_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8\nENV NODE_ENV=production`,
    ["npm_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    ["ENV NODE_ENV=production"],
  ],
  [
    "github actions secret inline",
    `run: curl -H "Authorization: token ghp_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8" https://api.github.com/user`,
    ["ghp_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    ["https://api.github.com/user"],
  ],
];
for (const [shape, text, secrets, kept] of AROUND) CASES.push({ shape, text, secrets, kept });

/** Claude Code's own files and the cloud credentials it reads (OAuth JSON, ADC, SSO cache, apiKeyHelper). */
const CLAUDE_FILES: Array<[string, string, string[], string[]]> = [
  [
    "claude credentials json",
    `{"claudeAiOauth":{"accessToken":"sk-ant-oat01-Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8-AbCdEfAA","refreshToken":"sk-ant-ort01-Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb-AbCdAA","expiresAt":1759320000000,"scopes":["user:inference","user:profile"],"subscriptionType":"max"}}`,
    ["Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz", "Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0"],
    ['"expiresAt":1759320000000', '"scopes":["user:inference","user:profile"]', '"subscriptionType":"max"'],
  ],
  [
    "claude.json primaryApiKey",
    `{"numStartups": 42, "primaryApiKey": "sk-ant-api03-Mm1Nn2Bb3Vv4Cc5Xx6Zz7Ll8Kk9Jj0HhGgFfDdSsAaPpOoIiUuYyTtRrEeWwQq1-Mm1NnAA", "userID": "3f2a9c1e07b54d248ace13579bdf0246aabbccdd3f2a9c1e07b54d248ace1357"}`,
    ["Mm1Nn2Bb3Vv4Cc5Xx6Zz7Ll8Kk9Jj0"],
    ['"numStartups": 42'],
  ],
  [
    "custom headers env",
    `ANTHROPIC_CUSTOM_HEADERS="X-Api-Key: gw_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz\nX-Team: platform"`,
    ["gw_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    ["X-Team: platform"],
  ],
  [
    "gcloud adc json",
    `{"account": "", "client_id": "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com", "client_secret": "d-FL95Q19q7MQmFpd7hHD0Ty", "refresh_token": "1//0gQw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8-L9IrAbCdEfGhIjKl", "type": "authorized_user", "universe_domain": "googleapis.com"}`,
    ["d-FL95Q19q7MQmFpd7hHD0Ty", "0gQw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    ['"type": "authorized_user"', '"universe_domain": "googleapis.com"'],
  ],
  [
    "aws configure list",
    `      Name                    Value             Type    Location\n      ----                    -----             ----    --------\n   profile                <not set>             None    None\naccess_key     ****************WXYZ shared-credentials-file\nsecret_key     ****************ABCD shared-credentials-file\n    region                us-east-1      config-file    ~/.aws/config`,
    [],
    ["****************WXYZ", "us-east-1", "~/.aws/config"],
  ],
  [
    "aws sso cache",
    `{"startUrl": "https://acme.awsapps.com/start", "region": "us-east-1", "accessToken": "aoaAAAAAGaQw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz", "expiresAt": "2025-10-01T20:00:00Z"}`,
    ["aoaAAAAAGaQw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    ['"startUrl": "https://acme.awsapps.com/start"', '"expiresAt": "2025-10-01T20:00:00Z"'],
  ],
  [
    "apiKeyHelper output",
    `$ ~/bin/get-key.sh\nsk-ant-api03-Rr1Tt2Yy3Uu4Ii5Oo6Pp7Aa8Ss9Dd0FfGgHhJjKkLlZzXxCcVvBbNnMmQqWwEe1-Rr1TtAA\n$ claude -p "hi"\nAPI Error: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}`,
    ["Rr1Tt2Yy3Uu4Ii5Oo6Pp7Aa8Ss9Dd0"],
    ['"type":"authentication_error"', "API Error: 401"],
  ],
  [
    "bedrock bearer token env",
    `AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS1xdzhlcjd0eTZ1aTVvcDRhczNkZjJnaDFqazBsenhjdmI5bm04\nCLAUDE_CODE_USE_BEDROCK=1`,
    ["ABSKQmVkcm9ja0FQSUtleS1xdzhlcjd0eTZ1aTVv"],
    ["CLAUDE_CODE_USE_BEDROCK=1"],
  ],
  [
    "vertex env",
    `CLAUDE_CODE_USE_VERTEX=1\nCLOUD_ML_REGION=us-east5\nANTHROPIC_VERTEX_PROJECT_ID=acme-ml-prod`,
    [],
    ["CLAUDE_CODE_USE_VERTEX=1", "CLOUD_ML_REGION=us-east5", "ANTHROPIC_VERTEX_PROJECT_ID=acme-ml-prod"],
  ],
  [
    "doctor output",
    `Diagnostics\n└ Currently running: npm-global (1.0.120)\n└ Path: /usr/local/bin/node\n└ Invoked: /usr/local/bin/claude\n└ Config install method: global\n└ Auto-updates: default (true)\n└ Search: OK (vendor)`,
    [],
    ["Currently running: npm-global (1.0.120)", "Auto-updates: default (true)"],
  ],
  [
    "oauth error with code param",
    `GET /callback?code=4/0AfJohXnQw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8AbCd&state=xyz123&scope=email%20profile 400`,
    ["0AfJohXnQw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz"],
    ["scope=email%20profile 400"],
  ],
];
for (const [shape, text, secrets, kept] of CLAUDE_FILES) CASES.push({ shape, text, secrets, kept });

/**
 * Written blind on 2026-12-07, from each tool's documented output and before any was run: SDK and HTTP-client
 * debug logs, Compose and PowerShell environment listings, a printed variable on the line after its command,
 * MCP and editor configs, language literals, SQL and Redis. 25 of the 31 passed as they were; the six that did
 * not (printenv's and echo's next line, a Clojure keyword, MySQL's IDENTIFIED BY, Redis's AUTH and CONFIG SET
 * requirepass) were fixed after.
 */
const BLIND_5: Array<[string, string, string[], string[]]> = [
  [
    "TS SDK debug request",
    "Anthropic:DEBUG:request https://api.anthropic.com/v1/messages { method: 'post', headers: { 'x-api-key': 'Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0', 'anthropic-version': '2023-06-01' } }",
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ["'anthropic-version': '2023-06-01'", "https://api.anthropic.com/v1/messages"],
  ],
  [
    "python httpx debug options",
    "DEBUG:anthropic._base_client:Request options: {'method': 'post', 'url': '/v1/messages', 'headers': {'X-Api-Key': 'Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0'}, 'json_data': {'model': 'claude-sonnet-4-5'}}",
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ["'model': 'claude-sonnet-4-5'"],
  ],
  [
    "botocore debug headers bytes",
    "botocore.endpoint [DEBUG] Making request for OperationModel(name=InvokeModel) with params: {'headers': {'X-Amz-Date': b'20261207T120000Z', 'X-Amz-Security-Token': b'IQoJb3JpZ2luX2VjEJrXq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0', 'Authorization': b'AWS4-HMAC-SHA256 Credential=ASIAQW8ER7TY6UI5OP4A/20261207/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7'}}",
    [
      "IQoJb3JpZ2luX2VjEJrXq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0",
      "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
      "QW8ER7TY6UI5OP4A",
    ],
    ["'X-Amz-Date': b'20261207T120000Z'", "/20261207/us-east-1/bedrock/aws4_request"],
  ],
  [
    "docker compose config env",
    "services:\n  api:\n    environment:\n      ANTHROPIC_MODEL: claude-sonnet-4-5\n      POSTGRES_PASSWORD: Pg7Hunter2Pg7\n      REDIS_URL: redis://cache:6379/0",
    ["Pg7Hunter2Pg7"],
    ["ANTHROPIC_MODEL: claude-sonnet-4-5", "REDIS_URL: redis://cache:6379/0"],
  ],
  [
    "PowerShell Get-ChildItem Env:",
    "Name                           Value\n----                           -----\nANTHROPIC_API_KEY              Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0\nCOMPUTERNAME                   DEV-LAPTOP",
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ["COMPUTERNAME                   DEV-LAPTOP"],
  ],
  [
    "printenv then value",
    "$ printenv DB_PASSWORD\nPg7!secretPw99\n$ psql -h db",
    ["Pg7!secretPw99"],
    ["$ psql -h db"],
  ],
  [
    "echo $VAR then value",
    "$ echo $OPENROUTER_API_KEY\nKq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0\n$ claude",
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ["$ claude"],
  ],
  [
    "rich traceback locals",
    "│ │   api_key = 'Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0'                        │ │\n│ │     model = 'claude-opus-4-1'                                   │ │",
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ["model = 'claude-opus-4-1'"],
  ],
  [
    "sentry breadcrumb headers",
    '{"category": "httplib", "data": {"url": "https://api.anthropic.com/v1/messages", "method": "POST", "headers": {"x-api-key": "Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"}}}',
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ['"method": "POST"'],
  ],
  [
    ".mcp.json env",
    '{"mcpServers": {"brave": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-brave-search"], "env": {"BRAVE_API_KEY": "BSAq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5"}}}}',
    ["BSAq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5"],
    ['"command": "npx"', "@modelcontextprotocol/server-brave-search"],
  ],
  [
    "VS Code settings dotted key",
    '{\n  "anthropic.apiKey": "Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0",\n  "editor.fontSize": 14\n}',
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ['"editor.fontSize": 14'],
  ],
  [
    "aider yaml",
    "model: claude-sonnet-4-5\nanthropic-api-key: Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0\nauto-commits: false",
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ["auto-commits: false", "model: claude-sonnet-4-5"],
  ],
  [
    "Go DumpRequest CRLF",
    "POST /v1/messages HTTP/1.1\r\nHost: api.anthropic.com\r\nX-Api-Key: Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0\r\nAnthropic-Version: 2023-06-01\r\n\r\n",
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ["Anthropic-Version: 2023-06-01\r\n"],
  ],
  [
    "OkHttp logging interceptor",
    "--> POST https://api.anthropic.com/v1/messages\nx-api-key: Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0\nanthropic-version: 2023-06-01\n--> END POST (123-byte body)",
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ["--> END POST (123-byte body)"],
  ],
  [
    "Faraday logger",
    'INFO -- request: POST https://api.anthropic.com/v1/messages\nINFO -- request: x-api-key: "Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"\nUser-Agent: "Faraday v2.9.0"',
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ['User-Agent: "Faraday v2.9.0"'],
  ],
  [
    "reqwest debug headers",
    'headers: {"content-type": "application/json", "x-api-key": "Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"}',
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ['"content-type": "application/json"'],
  ],
  [
    "Elixir Req headers map",
    'headers: %{"content-type" => ["application/json"], "x-api-key" => ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"]}',
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ['"content-type" => ["application/json"]'],
  ],
  [
    "Clojure map keyword",
    '{:api-key "Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0" :model "claude-sonnet-4-5"}',
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    [':model "claude-sonnet-4-5"'],
  ],
  [
    "Haskell record",
    'Config {apiKey = "Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0", baseUrl = "https://api.anthropic.com"}',
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ['baseUrl = "https://api.anthropic.com"'],
  ],
  [
    "R Sys.setenv",
    'Sys.setenv(ANTHROPIC_API_KEY = "Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0")',
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ["Sys.setenv(ANTHROPIC_API_KEY"],
  ],
  [
    "Julia ENV",
    'ENV["ANTHROPIC_API_KEY"] = "Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"',
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ['ENV["ANTHROPIC_API_KEY"]'],
  ],
  [
    "SQL CREATE USER",
    "CREATE USER app WITH PASSWORD 'Sq7!createPw99';\nGRANT SELECT ON orders TO app;",
    ["Sq7!createPw99"],
    ["GRANT SELECT ON orders TO app;"],
  ],
  [
    "MySQL IDENTIFIED BY",
    "CREATE USER 'app'@'%' IDENTIFIED BY 'My7!identPw99';",
    ["My7!identPw99"],
    ["CREATE USER 'app'@'%'"],
  ],
  ["Redis AUTH", "127.0.0.1:6379> AUTH Rd7!authPass99\nOK", ["Rd7!authPass99"], ["127.0.0.1:6379>"]],
  [
    "Redis CONFIG SET requirepass",
    '127.0.0.1:6379> CONFIG SET requirepass "Rd7!requirePw9"\nOK',
    ["Rd7!requirePw9"],
    ["CONFIG SET requirepass"],
  ],
  [
    "MongoDB createUser",
    'db.createUser({user: "app", pwd: "Mg7!createPw99", roles: ["readWrite"]})',
    ["Mg7!createPw99"],
    ['user: "app"', 'roles: ["readWrite"]'],
  ],
  [
    "git credential fill",
    "protocol=https\nhost=github.com\nusername=dev\npassword=Gt7!credFillPw",
    ["Gt7!credFillPw"],
    ["host=github.com", "username=dev"],
  ],
  [
    "Windows set output",
    "ANTHROPIC_BASE_URL=https://gateway.corp/anthropic\nANTHROPIC_AUTH_TOKEN=Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0\nUSERNAME=dev",
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ["ANTHROPIC_BASE_URL=https://gateway.corp/anthropic", "USERNAME=dev"],
  ],
  [
    "Azure OpenAI-style api-key header in curl",
    'curl https://res.openai.azure.com/openai/deployments/x/chat/completions -H "api-key: 0a1b2c3d4e5f60718293a4b5c6d7e8f9"',
    ["0a1b2c3d4e5f60718293a4b5c6d7e8f9"],
    ["https://res.openai.azure.com/openai/deployments/x/chat/completions"],
  ],
  [
    "LiteLLM master key",
    "general_settings:\n  master_key: sk-1234Kq2Lm9Xp4Wt6Zk1Vn8\n  database_url: postgresql://llm:Ll7!proxyPw9@db:5432/litellm",
    ["Kq2Lm9Xp4Wt6Zk1Vn8", "Ll7!proxyPw9"],
    ["@db:5432/litellm"],
  ],
  [
    "Perl hash fat comma",
    "my %cfg = ( api_key => 'Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0', model => 'claude-haiku-4-5' );",
    ["Kq2Lm9Xp4Wt6Zk1Vn8Rb3Yc5Jd0"],
    ["model => 'claude-haiku-4-5'"],
  ],
];
for (const [shape, text, secrets, kept] of BLIND_5) CASES.push({ shape, text, secrets, kept });

/**
 * A second blind batch (2026-12-07, latest session), written after the readers above from documented output
 * formats: CI logs, infrastructure tools, process listings, a dozen languages' printed objects, vaults. Run once:
 * 22 of 26 passed as written. Three of the four failures were the batch's own token, which alternates capital,
 * lower-case letter and digit like a CamelCase identifier and so is exempt from the entropy fallback; with a
 * random token of the same length (below) 25 of 26 passed. The fourth, `/proc/<pid>/environ`'s NUL-joined
 * variables, was fixed after.
 */
const K6 = "kP3xR9vL2mQ8wT5nB7cZ4hJ6fD1gS0aY";
const BLIND_6: Array<[string, string, string[], string[]]> = [
  [
    "GitLab CI variable echo",
    `$ echo "Deploying with token $DEPLOY_TOKEN"\nDeploying with token ${K6}\n$ ./deploy.sh`,
    [K6],
    ["$ ./deploy.sh"],
  ],
  [
    "Jenkins withCredentials leak",
    `[Pipeline] sh\n+ curl -u admin:Jk7!jenkinsPw https://nexus.corp/repository/\n[Pipeline] }`,
    ["Jk7!jenkinsPw"],
    ["https://nexus.corp/repository/", "[Pipeline] }"],
  ],
  [
    "CircleCI env listing",
    `ANTHROPIC_API_KEY=xxxx${K6.slice(-4)}\nCIRCLE_BRANCH=main`,
    [],
    ["CIRCLE_BRANCH=main"],
  ],
  [
    "Azure DevOps task log",
    `##[debug]Evaluating: variables['System.AccessToken']\n##[debug]Result: '${K6}'`,
    [K6],
    ["##[debug]Evaluating: variables['System.AccessToken']"],
  ],
  [
    "terraform plan sensitive",
    `  + resource "aws_db_instance" "main" {\n      + password = (sensitive value)\n      + username = "admin"\n    }`,
    [],
    ['+ username = "admin"', "(sensitive value)"],
  ],
  [
    "terraform output json",
    `{"db_password": {"sensitive": true, "type": "string", "value": "Tf7!outputPw99"}}`,
    ["Tf7!outputPw99"],
    ['"sensitive": true', '"type": "string"'],
  ],
  [
    "ansible verbose",
    `ok: [web1] => {"ansible_facts": {"db_pass": "An7!siblePass9"}, "changed": false}`,
    ["An7!siblePass9"],
    ['"changed": false', "ok: [web1]"],
  ],
  [
    "kubectl get secret jsonpath decoded",
    `$ kubectl get secret api -o jsonpath='{.data.token}' | base64 -d\n${K6}`,
    [K6],
    ["kubectl get secret api"],
  ],
  [
    "helm get values",
    `USER-SUPPLIED VALUES:\nanthropic:\n  apiKey: ${K6}\n  model: claude-sonnet-4-5`,
    [K6],
    ["model: claude-sonnet-4-5"],
  ],
  [
    "docker inspect Env",
    `"Env": [\n    "ANTHROPIC_API_KEY=${K6}",\n    "PATH=/usr/local/sbin:/usr/local/bin"\n]`,
    [K6],
    ['"PATH=/usr/local/sbin:/usr/local/bin"'],
  ],
  [
    "systemctl show env",
    `Environment=ANTHROPIC_API_KEY=${K6} NODE_ENV=production`,
    [K6],
    ["NODE_ENV=production"],
  ],
  [
    "ps aux with flag",
    `app  4242  0.3  1.2 node server.js --api-key=${K6} --port=8080`,
    [K6],
    ["--port=8080"],
  ],
  ["/proc environ NULs", `ANTHROPIC_API_KEY=${K6}\u0000HOME=/home/app\u0000`, [K6], ["HOME=/home/app"]],
  [
    "Python logging dict repr",
    `INFO:root:config={'anthropic_api_key': '${K6}', 'timeout': 600}`,
    [K6],
    ["'timeout': 600"],
  ],
  ["Java properties escaped colon", `anthropic.api.key=${K6}\nserver.port=8080`, [K6], ["server.port=8080"]],
  [
    "Spring actuator env",
    `{"name": "ANTHROPIC_API_KEY", "value": "${K6}", "origin": "System Environment Property"}`,
    [K6],
    ['"origin": "System Environment Property"'],
  ],
  [
    "Go struct with json tags printed",
    `{APIKey:${K6} Model:claude-opus-4-1 MaxTokens:1024}`,
    [K6],
    ["Model:claude-opus-4-1 MaxTokens:1024"],
  ],
  [
    "C# record ToString",
    `AnthropicOptions { ApiKey = ${K6}, Model = claude-haiku-4-5 }`,
    [K6],
    ["Model = claude-haiku-4-5"],
  ],
  [
    "Kotlin data class",
    `Settings(apiKey=${K6}, baseUrl=https://api.anthropic.com)`,
    [K6],
    ["baseUrl=https://api.anthropic.com"],
  ],
  [
    "Swift print struct",
    `Config(apiKey: "${K6}", model: "claude-sonnet-4-5")`,
    [K6],
    ['model: "claude-sonnet-4-5"'],
  ],
  ["Dart map", `{apiKey: ${K6}, model: claude-sonnet-4-5}`, [K6], ["model: claude-sonnet-4-5"]],
  ["Scala case class", `Conf(${K6},claude-sonnet-4-5)`, [], ["claude-sonnet-4-5"]],
  [
    "nginx error log with query",
    `2026/12/07 10:00:00 [error] 12#12: *3 upstream timed out, request: "GET /v1/proxy?key=${K6}&model=claude HTTP/1.1"`,
    [K6],
    ["&model=claude HTTP/1.1"],
  ],
  [
    "HTTP 401 HTML page",
    `<html><body><h1>401 Authorization Required</h1><p>token=${K6}</p></body></html>`,
    [K6],
    ["<h1>401 Authorization Required</h1>"],
  ],
  [
    "Vault kv get",
    `====== Data ======\nKey         Value\n---         -----\napi_key     ${K6}\nmodel       claude-sonnet-4-5`,
    [K6],
    ["model       claude-sonnet-4-5"],
  ],
  [
    "1Password CLI json",
    `{"id": "abc", "label": "credential", "value": "${K6}", "type": "CONCEALED"}`,
    [K6],
    ['"type": "CONCEALED"'],
  ],
];
for (const [shape, text, secrets, kept] of BLIND_6) CASES.push({ shape, text, secrets, kept });

/** The first 8-character piece of `secret` that `output` still holds, or null. */
function leakedPiece(output: string, secret: string): string | null {
  for (let i = 0; i + 8 <= secret.length; i++) {
    const piece = secret.slice(i, i + 8);
    if (output.includes(piece)) return piece;
  }
  return null;
}

describe("secrets as real tools print them", () => {
  it.each(CASES.map((c) => [c.shape, c] as const))("%s", (_shape, c) => {
    const output = redact(c.text).text;
    for (const secret of c.secrets) expect(leakedPiece(output, secret)).toBeNull();
    for (const evidence of c.kept) expect(output).toContain(evidence);
  });
});

/** Evidence a Claude error paste carries, with no secret in it: every character must survive. */
const EVIDENCE: Array<[string, string]> = [
  [
    "ratelimit headers",
    `< anthropic-ratelimit-requests-limit: 4000\n< anthropic-ratelimit-input-tokens-remaining: 0\n< anthropic-ratelimit-input-tokens-reset: 2025-10-01T12:00:30Z\n< retry-after: 17\n< request-id: req_011CUeXg8vBPYZKhGrZ3ePPc\n< anthropic-organization-id: 8a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d\n< cf-ray: 98a7b6c5d4e3f2a1-SJC\n< x-envoy-upstream-service-time: 1234`,
  ],
  [
    "aws request ids",
    `An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: 4): Too many requests. RequestId: 7c6e2a1f-3b4d-4e5f-8a9b-0c1d2e3f4a5b x-amzn-ErrorType: ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/ x-amz-apigw-id: Kq2ZxFm9IAMEcXw=`,
  ],
  [
    "vertex ids",
    `google.api_core.exceptions.ResourceExhausted: 429 Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model with base model: anthropic-claude-sonnet-4-5. [reason: "RATE_LIMIT_EXCEEDED" domain: "aiplatform.googleapis.com" metadata { key: "quota_metric" value: "aiplatform.googleapis.com/online_prediction_requests_per_base_model" }]`,
  ],
  [
    "k8s pod and container",
    `pod/api-gateway-7d9f8c6b5-x2k4p   0/1   CrashLoopBackOff   5   3m\ncontainerID: containerd://4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0`,
  ],
  [
    "npm integrity",
    `npm ERR! sha512-Xx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVb9Nm8QwAbCdEfGhIjKlMnOpQrStUv== integrity checksum failed`,
  ],
  ["traceparent", `traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01`],
  [
    "sentry event id",
    `Sentry event sent: 9f8e7d6c5b4a39281706f5e4d3c2b1a0 (https://sentry.io/organizations/acme/issues/4505123456/)`,
  ],
  [
    "usage block",
    `"usage": {"input_tokens": 2095, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 102400, "output_tokens": 503, "service_tier": "standard"}`,
  ],
  [
    "tool ids",
    `tool_use ids were found without tool_result blocks immediately after: toolu_01D7FLrfh4GYq7yT1ULFeyMV, srvtoolu_01A2B3C4D5E6F7G8H9J0K1L2M3`,
  ],
  [
    "model ids all forms",
    `model: claude-opus-4-1-20250805 / us.anthropic.claude-sonnet-4-5-20250929-v1:0 / claude-3-5-haiku@20241022 / anthropic/claude-sonnet-4.5`,
  ],
  [
    "stripe req id and idempotency",
    `Request req_Ab3dEf6hIj9kLm failed; Idempotency-Key: 5f1c9a7e-2b6d-4c0f-9a5e-7b9d1c3f5a7e`,
  ],
  [
    "base64 image in body",
    `{"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="}}`,
  ],
  [
    "git sha and docker digest",
    `HEAD is now at 3f2a9c1e07b54d248ace13579bdf0246aabbccdd fix retries\nimage: ghcr.io/acme/api@sha256:4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0`,
  ],
  [
    "claude code debug log",
    `[DEBUG] Stream started - received first chunk\n[ERROR] API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CV1A2b3C4d5E6f7G8h9J0"}) · Retrying in 5 seconds… (attempt 3/10)\n[DEBUG] session 3f2a9c1e-07b5-4d24-8ace-13579bdf0246 cwd=/Users/me/src/app`,
  ],
  [
    "litellm request ids",
    `litellm.exceptions.RateLimitError: litellm.RateLimitError: AnthropicException - {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed the rate limit for your organization (8a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d) of 400,000 input tokens per minute."}}. Received Model Group=claude-sonnet-4-5\nAvailable Model Group Fallbacks=None LiteLLM Retried: 2 times, LiteLLM Max Retries: 2`,
  ],
  [
    "openrouter gen id",
    `{"id":"gen-1727800000-AbCdEfGhIjKlMnOpQrSt","provider":"Anthropic","model":"anthropic/claude-sonnet-4.5","error":{"code":502,"message":"Provider returned error"}}`,
  ],
  [
    "python object reprs",
    `<anthropic.Anthropic object at 0x7f8b2c3d4e50> <httpx.Response [529 ]> <Thread(ThreadPoolExecutor-0_0, started daemon 140234567890432)>`,
  ],
  [
    "windows paths and GUIDs",
    `C:\\Users\\dev\\AppData\\Roaming\\Claude\\logs\\mcp-server-filesystem.log {3F2504E0-4F89-11D3-9A0C-0305E82C3301}`,
  ],
  [
    "hex hashes in stack",
    `at Object.<anonymous> (/app/node_modules/.pnpm/@anthropic-ai+sdk@0.65.0/node_modules/@anthropic-ai/sdk/src/core.ts:412:11)\nat async file:///app/.next/server/chunks/ssr/[root-of-the-server]__a1b2c3d4e5f6a7b8._.js:1:2345`,
  ],
];

describe("evidence as Claude error pastes carry it", () => {
  it.each(EVIDENCE)("%s", (_shape, text) => {
    expect(redact(text).text).toBe(text);
  });
});
