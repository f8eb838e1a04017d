# A plain Rails sign-in (has_secure_password and a sessions controller, no
# authentication gem), shaped like the sessions controller and the
# Authentication concern that Rails 8's `bin/rails generate authentication`
# writes: an unauthenticated request stores its URL in the session and is
# redirected to /session/new; a failed sign-in redirects back to
# /session/new with an alert; a successful one sets a signed, permanent,
# HttpOnly, SameSite=Lax `session_id` cookie and redirects to the stored URL.
# Runs on Debian's Rails 6.1 (ruby-rails, ruby-bcrypt, ruby-sqlite3,
# ruby-webrick). Used by record.mjs; see README.md beside this file.
#
#   ruby tests/recordings/rails_app.rb PORT
#   DROP_SESSION_COOKIE=1 ruby tests/recordings/rails_app.rb PORT
#     (the session_id cookie is sent with Domain=elsewhere.example, which the
#      browser rejects: the deployment fault of a negative control)
require "rails"
require "action_controller/railtie"
require "active_record/railtie"
require "bcrypt"
require "webrick"
require "tmpdir"
require "rack/handler/webrick"

port = Integer(ARGV.fetch(0, "8790"))
# A throwaway database file per port (an in-memory one is per connection).
ENV["DATABASE_URL"] = "sqlite3:#{Dir.tmpdir}/rails-recording-#{port}.sqlite3"

class User < ActiveRecord::Base
  has_secure_password
  has_many :sessions
end

class Session < ActiveRecord::Base
  belongs_to :user
end

class RecordingApp < Rails::Application
  config.root = __dir__
  config.eager_load = false
  config.secret_key_base = "test-only-secret-of-the-recording-app-not-used-anywhere-else-0000"
  config.hosts.clear
  config.logger = Logger.new($stderr)
  config.log_level = :warn
  config.session_store :cookie_store, key: "_nanami_session"
  config.action_controller.default_protect_from_forgery = true
end
RecordingApp.initialize!

ActiveRecord::Migration.verbose = false
ActiveRecord::Schema.define do
  create_table(:users, force: true) { |t| t.string :email_address; t.string :password_digest }
  create_table(:sessions, force: true) { |t| t.integer :user_id; t.timestamps }
end

User.create!(email_address: "alice@example.org", password: "correct horse battery")

RecordingApp.routes.draw do
  root "home#show"
  resource :session, only: %i[new create destroy]
end

class ApplicationController < ActionController::Base
  before_action :require_authentication

  private

  def require_authentication
    resume_session || request_authentication
  end

  def resume_session
    id = cookies.signed[:session_id]
    @current = id && Session.find_by(id: id)
  end

  def request_authentication
    session[:return_to_after_authenticating] = request.url
    redirect_to new_session_url
  end

  def after_authentication_url
    session.delete(:return_to_after_authenticating) || root_url
  end

  def start_new_session_for(user)
    s = user.sessions.create!
    opts = { value: s.id, httponly: true, same_site: :lax }
    opts[:domain] = "elsewhere.example" if ENV["DROP_SESSION_COOKIE"]
    cookies.signed.permanent[:session_id] = opts
  end

  def page(title, body)
    render html: <<~HTML.html_safe, layout: false
      <!doctype html><html lang="en"><head><meta charset="utf-8"><title>#{title}</title></head>
      <body>#{body}</body></html>
    HTML
  end
end

class HomeController < ApplicationController
  def show
    page("Home", "<h1>Signed in as #{ERB::Util.h(@current.user.email_address)}</h1>")
  end
end

class SessionsController < ApplicationController
  skip_before_action :require_authentication, only: %i[new create]

  def new
    alert = flash[:alert] ? %(<p role="alert">#{ERB::Util.h(flash[:alert])}</p>) : ""
    page("Sign in", <<~HTML)
      <h1>Sign in</h1>#{alert}
      <form action="/session" method="post">
        <input type="hidden" name="authenticity_token" value="#{form_authenticity_token}">
        <label for="e">Email address</label><input id="e" type="email" name="email_address" autocomplete="username">
        <label for="p">Password</label><input id="p" type="password" name="password" autocomplete="current-password">
        <button type="submit">Sign in</button>
      </form>
    HTML
  end

  def create
    user = User.find_by(email_address: params[:email_address])
    if user&.authenticate(params[:password])
      start_new_session_for user
      redirect_to after_authentication_url
    else
      redirect_to new_session_url, alert: "Try another email address or password."
    end
  end
end

Rack::Handler::WEBrick.run(RecordingApp, Host: "127.0.0.1", Port: port, AccessLog: [], Logger: WEBrick::Log.new($stderr, WEBrick::Log::WARN))
